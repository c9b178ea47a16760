/// Plausibility rules for telephone numbers and the scores they earn.
enum PhonePlausibility {
    /// How a national number was written.
    enum Style {
        case bare, spaced, dotted, punctuated
    }

    static let knownCountryScore = 0.7
    static let otherCountryScore = 0.55

    /// Score for the digits after `+` (country code first), or nil if implausible.
    static func internationalScore(_ digits: [UInt8]) -> Double? {
        guard digits.count >= 8, digits.count <= 15, digits[0] != 0 else { return nil }
        if digits[0] == 1 {
            return isNANP(Array(digits[1...])) ? knownCountryScore : nil
        }
        let code = Int(digits[0]) * 10 + Int(digits[1])
        var national = Array(digits[2...])
        switch code {
        case 44, 49, 33:
            if national.first == 0 { national.removeFirst() }  // "+44 (0)20 …"
            guard let lead = national.first, lead != 0 else { return nil }
            switch code {
            case 44: return (9...10).contains(national.count) && [1, 2, 3, 5, 7, 8, 9].contains(lead) ? knownCountryScore : nil
            case 49: return (6...11).contains(national.count) ? knownCountryScore : nil
            default: return national.count == 9 ? knownCountryScore : nil
            }
        default:
            return otherCountryScore
        }
    }

    /// Score for a national number (US/CA, UK, DE, FR), or nil if implausible.
    static func nationalScore(_ digits: [UInt8], style: Style) -> Double? {
        let formattedScore: Double
        switch style {
        case .bare: formattedScore = 0.35
        case .spaced: formattedScore = 0.55
        case .dotted: formattedScore = 0.55
        case .punctuated: formattedScore = 0.6
        }
        if digits[0] == 0 {
            // Trunk prefix 0: UK (10–11 digits), FR (10), DE (7–12); never "00".
            guard digits[1] != 0 else { return nil }
            if (10...11).contains(digits.count) {
                if digits.count == 11, digits[1] == 4 || digits[1] == 6 { return nil }  // no UK 04/06 ranges
                return style == .bare ? 0.4 : max(formattedScore, 0.6)
            }
            // German mobiles (015x, 016x, 017x) have 11–12 digits with the trunk 0.
            if digits.count == 12, digits[1] == 1, (5...7).contains(digits[2]) { return style == .bare ? 0.4 : 0.6 }
            if (7...12).contains(digits.count) { return style == .bare ? 0.3 : 0.45 }
            return nil
        }
        if digits.count == 11, digits[0] == 1 {
            return isNANP(Array(digits[1...])) ? formattedScore : nil
        }
        if digits.count == 10 {
            return isNANP(digits) ? formattedScore : nil
        }
        return nil
    }

    /// Grouping of a national number: NANP numbers are written 3-3-4 (or with a
    /// leading 1); trunk-0 numbers start with an area code group of 2–5 digits.
    static func hasNationalShape(_ lengths: [Int], digits: [UInt8]) -> Bool {
        if lengths.count == 1 { return true }
        if digits[0] == 0 { return (2...5).contains(lengths[0]) }
        let nanpShapes: [[Int]] = [[3, 3, 4], [1, 3, 3, 4], [3, 7], [1, 3, 7]]
        return nanpShapes.contains(lengths)
    }

    /// North American Numbering Plan: area code and exchange both NXX with N in
    /// 2…9 and not N11 (service codes such as 911).
    static func isNANP(_ digits: [UInt8]) -> Bool {
        guard digits.count == 10 else { return false }
        let areaOK = digits[0] >= 2 && !(digits[1] == 1 && digits[2] == 1)
        let exchangeOK = digits[3] >= 2 && !(digits[4] == 1 && digits[5] == 1)
        return areaOK && exchangeOK
    }
}
