/// Payment card issuer ranges (IIN prefixes) and their card-number lengths.
enum CardIssuer: Sendable {
    case visa, mastercard, amex, discover, jcb, diners, unionPay, maestro

    /// The issuer whose range contains `digits`, if its length fits that issuer.
    static func identify(_ digits: [UInt8]) -> CardIssuer? {
        guard digits.count >= 13, digits.count <= 19 else { return nil }
        let length = digits.count
        func prefix(_ count: Int) -> Int {
            var value = 0
            for index in 0..<count { value = value * 10 + Int(digits[index]) }
            return value
        }
        let two = prefix(2)
        let four = prefix(4)
        let six = prefix(6)
        switch digits[0] {
        case 4:
            return [13, 16, 19].contains(length) ? .visa : nil
        case 2:
            return (2221...2720).contains(four) && length == 16 ? .mastercard : nil
        case 3:
            if two == 34 || two == 37 { return length == 15 ? .amex : nil }
            if (3528...3589).contains(four) { return length >= 16 ? .jcb : nil }
            if (300...305).contains(prefix(3)) || four == 3095 || two == 36 || two == 38 || two == 39 {
                return length >= 14 ? .diners : nil
            }
            return nil
        case 5:
            if (51...55).contains(two) { return length == 16 ? .mastercard : nil }
            if two == 50 || (56...58).contains(two) { return .maestro }
            return nil
        case 6:
            if four == 6011 || (644...649).contains(prefix(3)) || two == 65
                || (622126...622925).contains(six)
            {
                return length >= 16 ? .discover : nil
            }
            if two == 62 { return length >= 16 ? .unionPay : nil }
            if two == 63 || two == 67 || two == 60 { return .maestro }
            return nil
        default:
            return nil
        }
    }
}
