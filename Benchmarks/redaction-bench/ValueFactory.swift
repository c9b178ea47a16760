/// Valid personal-data values with real checksums, in the formats people type.
struct ValueFactory {
    var rng: SplitMix64
    /// The state that goes with the last city drawn by `cityAndState()`.
    var pendingState: String?

    init(rng: SplitMix64) {
        self.rng = rng
    }

    // MARK: Cards

    mutating func cardDigits() -> [Int] {
        let (prefix, length): ([Int], Int) = rng.pick([
            ([4], 16), ([4], 16), ([4], 13), ([5, rng.int(1...5)], 16), ([2, 2, rng.int(2...9), rng.int(1...9)], 16),
            ([3, rng.pick([4, 7])], 15), ([6, 0, 1, 1], 16), ([3, 5, rng.int(2...8), rng.int(0...9)], 16),
            ([3, 6], 14), ([6, 2, 8], 16), ([6, 7, 5, 9], 16), ([6, 5], 16),
        ])
        var digits = prefix + rng.digits(length - prefix.count - 1)
        if digits.starts(with: [3, 5, 2]), digits[3] < 8 { digits[3] = 8 }  // JCB 3528…3589
        digits.append(Self.luhnCheckDigit(digits))
        return digits
    }

    static func luhnCheckDigit(_ payload: [Int]) -> Int {
        var sum = 0
        for (offset, digit) in payload.reversed().enumerated() {
            var value = digit
            if offset % 2 == 0 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return (10 - sum % 10) % 10
    }

    mutating func formatCard(_ digits: [Int]) -> String {
        let text = digits.map(String.init).joined()
        let style = rng.int(0...3)
        if style == 0 { return text }
        let separator = style == 3 ? "-" : " "
        let sizes: [Int]
        switch digits.count {
        case 15: sizes = [4, 6, 5]
        case 14: sizes = [4, 6, 4]
        case 13: sizes = [4, 4, 5]
        default: sizes = [4, 4, 4, 4]
        }
        return Self.group(text, sizes).joined(separator: separator)
    }

    static func group(_ text: String, _ sizes: [Int]) -> [String] {
        var parts: [String] = []
        var rest = Substring(text)
        for size in sizes {
            parts.append(String(rest.prefix(size)))
            rest = rest.dropFirst(size)
        }
        if !rest.isEmpty { parts.append(String(rest)) }
        return parts
    }

    mutating func card() -> String { formatCard(cardDigits()) }

    // MARK: IBAN

    static let ibanCountries: [(String, Int, Int)] = [  // country, length, leading letters in BBAN
        ("GB", 22, 4), ("DE", 22, 0), ("FR", 27, 0), ("ES", 24, 0), ("IT", 27, 1), ("NL", 18, 4), ("IE", 22, 4),
        ("BE", 16, 0), ("CH", 21, 0), ("AT", 20, 0), ("PL", 28, 0), ("PT", 25, 0), ("SE", 24, 0), ("NO", 15, 0),
        ("DK", 18, 0), ("LU", 20, 0), ("MT", 31, 4), ("SA", 24, 0), ("AE", 23, 0), ("BR", 29, 0),
    ]

    mutating func ibanCharacters(validCheck: Bool = true) -> String {
        let (country, length, letters) = rng.pick(Self.ibanCountries)
        let upper = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var bban = ""
        for index in 0..<(length - 4) {
            bban.append(index < letters ? rng.pick(upper) : Character(String(rng.int(0...9))))
        }
        var check = 98 - Self.mod97(bban + country + "00")
        if !validCheck { check = (check + rng.int(1...90)) % 97 + 2 }
        let checkText = check < 10 ? "0\(check)" : "\(check)"
        return country + checkText + bban
    }

    static func mod97(_ text: String) -> Int {
        var remainder = 0
        for character in text {
            if let digit = character.wholeNumberValue {
                remainder = (remainder * 10 + digit) % 97
            } else if let ascii = character.asciiValue {
                remainder = (remainder * 100 + Int(ascii) - 55) % 97
            }
        }
        return remainder
    }

    mutating func formatIBAN(_ compact: String) -> String {
        guard rng.chance(0.6) else { return compact }
        var groups: [String] = []
        var rest = Substring(compact)
        while !rest.isEmpty {
            groups.append(String(rest.prefix(4)))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: " ")
    }

    mutating func iban() -> String { formatIBAN(ibanCharacters()) }

    // MARK: National identifiers

    mutating func ssnDigits() -> [Int] {
        while true {
            let area = rng.int(1...899)
            let group = rng.int(1...99)
            let serial = rng.int(1...9999)
            if area == 666 || (area == 78 && group == 5) || (area == 219 && group == 9) { continue }
            return Self.pad(area, 3) + Self.pad(group, 2) + Self.pad(serial, 4)
        }
    }

    static func pad(_ value: Int, _ width: Int) -> [Int] {
        var digits = String(value).compactMap(\.wholeNumberValue)
        while digits.count < width { digits.insert(0, at: 0) }
        return digits
    }

    static func text(_ digits: [Int]) -> String { digits.map(String.init).joined() }

    mutating func ssn(dashed: Bool = true) -> String {
        let digits = Self.text(ssnDigits())
        let parts = Self.group(digits, [3, 2, 4])
        return dashed ? parts.joined(separator: "-") : (rng.chance(0.5) ? parts.joined(separator: " ") : digits)
    }

    mutating func nhsDigits(valid: Bool = true) -> [Int] {
        while true {
            let payload = [rng.int(3...9)] + rng.digits(8)
            let sum = payload.enumerated().reduce(0) { $0 + $1.element * (10 - $1.offset) }
            var check = 11 - sum % 11
            if check == 11 { check = 0 }
            if check == 10 { continue }
            return payload + [valid ? check : (check + rng.int(1...9)) % 10]
        }
    }

    mutating func formatNHS(_ digits: [Int]) -> String {
        let text = Self.text(digits)
        switch rng.int(0...2) {
        case 0: return text
        case 1: return Self.group(text, [3, 3, 4]).joined(separator: " ")
        default: return Self.group(text, [3, 3, 4]).joined(separator: "-")
        }
    }

    mutating func nhs() -> String { formatNHS(nhsDigits()) }

    mutating func nino() -> String {
        let firsts = Array("ABCEGHJKLMNOPRSTWXYZ")
        let seconds = Array("ABCEGHJKLMNPRSTWXYZ")
        var prefix = ""
        repeat {
            prefix = String([rng.pick(firsts), rng.pick(seconds)])
        } while ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"].contains(prefix)
        let pairs = (0..<3).map { _ in Self.text(Self.pad(rng.int(0...99), 2)) }
        let suffix = String(rng.pick(Array("ABCD")))
        return rng.chance(0.6)
            ? prefix + pairs.joined() + suffix
            : ([prefix] + pairs + [suffix]).joined(separator: " ")
    }
}
