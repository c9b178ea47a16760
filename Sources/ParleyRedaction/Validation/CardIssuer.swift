/// Payment card issuer ranges (IIN prefixes) and their card-number lengths, from
/// the schemes' published ranges: Visa, Mastercard (51–55, 2221–2720), American
/// Express, Discover, JCB (the whole 35xx range, and the 15-digit 1800 and 2131),
/// Diners Club, UnionPay (62, 81), Maestro (12–19 digits), UATP (15 digits
/// starting with 1), Mir, RuPay, Troy, Verve, Elo, Dankort and InterPayment.
enum CardIssuer: Sendable {
    case visa, mastercard, amex, discover, jcb, diners, unionPay, maestro, uatp, mir, rupay, troy, verve, elo, dankort, interPayment

    /// The issuer whose range contains `digits`, if its length fits that issuer.
    static func identify(_ digits: [UInt8]) -> CardIssuer? {
        guard digits.count >= 12, digits.count <= 19 else { return nil }
        let length = digits.count
        func prefix(_ count: Int) -> Int {
            var value = 0
            for index in 0..<count { value = value * 10 + Int(digits[index]) }
            return value
        }
        let two = prefix(2)
        let three = prefix(3)
        let four = prefix(4)
        let six = prefix(6)
        if length == 12 { return isMaestro(two: two, four: four) ? .maestro : nil }
        switch digits[0] {
        case 1:
            return length == 15 ? .uatp : nil
        case 2:
            if four == 1800 || four == 2131 { return length == 15 ? .jcb : nil }
            if (2200...2204).contains(four) { return length >= 16 ? .mir : nil }
            return (2221...2720).contains(four) && length == 16 ? .mastercard : nil
        case 3:
            if two == 34 || two == 37 { return length == 15 ? .amex : nil }
            if two == 35 { return length >= 16 ? .jcb : nil }
            if (300...305).contains(three) || four == 3095 || two == 36 || two == 38 || two == 39 {
                return length >= 14 ? .diners : nil
            }
            return nil
        case 4:
            if [4011, 4312, 4389].contains(four) { return length == 16 ? .elo : nil }
            return length >= 13 ? .visa : nil
        case 5:
            if (51...55).contains(two) { return length == 16 ? .mastercard : nil }
            if four == 5019 { return length == 16 ? .dankort : nil }
            if (506099...506198).contains(six) { return length >= 16 ? .verve : nil }
            if [5041, 5066, 5067].contains(four) || three == 509 { return length == 16 ? .elo : nil }
            if three == 508 { return length == 16 ? .rupay : nil }
            if isMaestro(two: two, four: four) { return .maestro }
            return nil
        case 6:
            if four == 6011 || (644...649).contains(three) || two == 65 || (622126...622925).contains(six) {
                return length >= 16 ? .discover : nil
            }
            if two == 62 { return length >= 16 ? .unionPay : nil }
            if three == 636 { return length >= 16 ? .interPayment : nil }
            if two == 60 || two == 65 { return length == 16 ? .rupay : nil }
            if isMaestro(two: two, four: four) { return .maestro }
            return nil
        case 8:
            if (8100...8171).contains(four) { return length >= 16 ? .unionPay : nil }
            if two == 81 || two == 82 { return length == 16 ? .rupay : nil }
            return nil
        case 9:
            return four == 9792 && length == 16 ? .troy : nil
        default:
            return nil
        }
    }

    /// Maestro: 50 and 56–69 (and the ranges published within them).
    private static func isMaestro(two: Int, four: Int) -> Bool {
        two == 50 || (56...69).contains(two)
    }
}
