/// Telephone numbers in E.164 (`+44 20 7946 0958`, `0044 …`) and national
/// formats. A fast scan over digit chains finds the candidates; the US, UK,
/// German and French shapes are scored by `PhonePlausibility`, and every other
/// formatted candidate (`612 345 678`, `(21) 5555-0123`, `12-34-56-78`) and every
/// international one is asked of Google's libphonenumber (`PhoneNumberLibrary`):
/// valid or possible in one of its regions. An extension belongs to the span
/// (`555-201-3344x1234`, `+1 202 555 0123 ext. 12`). Unseparated national
/// numbers, and groupings that also read as amounts (`612 345 678`), need a
/// context word ("call", "mobile", "teléfono", …).
struct PhoneDetector: PIIDetector {
    let name = "phone"
    let entityType = PIIEntityType.phone

    /// Below the SSN's and the card's own scores: a shape those detectors know
    /// ("536-22-1234") stays theirs.
    static let validFormattedScore = 0.55
    static let possibleFormattedScore = 0.5
    static let amountShapedScore = 0.4

    func detect(in input: ScanInput, into candidates: inout [Candidate]) {
        let groups = input.digitGroups
        var skipUntil = 0
        input.forEachDigitChain { chain in
            guard groups[chain.lowerBound].start >= skipUntil else { return }
            let last = groups[chain.upperBound - 1]
            let extensionEnd = Self.extensionEnd(after: last.end, in: input)
            guard let (start, score) = evaluate(chain, groups: groups, input: input, hasExtension: extensionEnd != nil)
            else { return }
            let end = extensionEnd ?? last.end
            skipUntil = end
            candidates.append(
                Candidate(type: entityType, start: start, end: end, score: score, detector: name, usesContext: true))
        }
    }

    /// The end of an extension right after a number: "x1234", " x 12", " ext. 12",
    /// " ext 123", " extension 12", ";ext=12".
    static func extensionEnd(after end: Int, in input: ScanInput) -> Int? {
        var position = end
        if input.byte(at: position) == 0x3B { position += 1 }
        if input.byte(at: position) == 0x20 || input.byte(at: position) == 0x2C { position = input.skipBlanks(from: position + 1) }
        let letter = input.byte(at: position) | 0x20
        guard letter == 0x78 || letter == 0x65 else { return nil }  // x, e
        if letter == 0x78 {
            position += 1
        } else {
            let wordEnd = input.letterRunEnd(from: position)
            let length = wordEnd - position
            guard length == 3 || length == 9, input.matchesIgnoringCase(Self.ext, at: position) else { return nil }
            guard length == 3 || input.matchesIgnoringCase(Self.extensionWord, at: position) else { return nil }
            position = wordEnd
        }
        if input.byte(at: position) == 0x2E || input.byte(at: position) == 0x3D || input.byte(at: position) == 0x3A {
            position += 1
        }
        position = input.skipBlanks(from: position)
        let digitsStart = position
        while input.byte(at: position).isASCIIDigit, position - digitsStart < 6 { position += 1 }
        guard position > digitsStart, !input.byte(at: position).isASCIIAlnum else { return nil }
        return position
    }

    private static let ext = Array("ext".utf8)
    private static let extensionWord = Array("extension".utf8)

    private func evaluate(_ chain: Range<Int>, groups: [DigitGroup], input: ScanInput, hasExtension: Bool)
        -> (Int, Double)?
    {
        let first = groups[chain.lowerBound]
        let last = groups[chain.upperBound - 1]
        guard chain.count <= 7, hasExtension || !input.numberAttachedAfter(last.end) else { return nil }
        // "14:45" after the number: a time, not a phone number.
        if input.byte(at: last.end) == 0x3A, input.byte(at: last.end + 1).isASCIIDigit { return nil }
        let total = input.digitCount(ofGroups: chain)
        guard total >= 7, total <= 17 else { return nil }
        var start = first.start
        let before = input.byte(at: start - 1)
        let hasPlus = before == 0x2B
        let areaInParens = before == 0x28 && chain.count > 1 && groups[chain.lowerBound + 1].gap == .paren
        if hasPlus || areaInParens {
            start -= 1
            if input.byte(at: start - 1).isASCIIAlnum { return nil }
        } else if input.numberAttachedBefore(first.start) {
            return nil
        }
        var lengths: [Int] = []
        var usesDots = false
        var usesParens = areaInParens
        var usesDashes = false
        for index in chain {
            lengths.append(groups[index].length)
            switch groups[index].gap {
            case .slash: return nil
            case .dot: usesDots = true
            case .paren: usesParens = true
            case .dash: usesDashes = true
            default: break
            }
        }
        let digits = input.digits(ofGroups: chain)
        let formatted = chain.count > 1
        if hasPlus {
            return internationalScore(digits).map { (start, $0) }
        }
        if digits[0] == 0, digits[1] == 0 {
            return internationalScore(Array(digits[2...])).map { (start, $0 - 0.05) }
        }
        let style: PhonePlausibility.Style =
            !formatted ? .bare : usesParens || usesDashes ? .punctuated : usesDots ? .dotted : .spaced
        let dotsFit = !usesDots || lengths == [3, 3, 4] || lengths == [2, 2, 2, 2, 2] || lengths == [1, 3, 3, 4]
        if dotsFit, PhonePlausibility.hasNationalShape(lengths, digits: digits),
           let score = PhonePlausibility.nationalScore(digits, style: style)
        {
            return (start, score)
        }
        // Other countries' national formats, through libphonenumber: grouped numbers of
        // 8–12 digits only, and not the shapes other readings own: NANP groupings the
        // rules above rejected ("(123) 456-7890"), dotted numbers (versions, IP
        // addresses), card groups, ZIP+4, an SSN's 3-2-4, a date's 2-2-4 or 4-2-2.
        guard formatted, (8...12).contains(total), !usesDots, Self.mayBeForeignNational(lengths, digits: digits, parens: usesParens)
        else { return nil }
        let verdict = PhoneNumberLibrary.classify(digits, international: false)
        guard verdict != .impossible else { return nil }
        // "1 234 567", "612 345 678": grouped like a thousands-separated amount.
        let amountShaped = !usesParens && !usesDashes && lengths.count >= 2 && lengths[0] <= 3 && digits[0] != 0
            && lengths.dropFirst().allSatisfy { $0 == 3 }
        if amountShaped { return (start, Self.amountShapedScore) }
        let strong = usesParens || chain.count >= 3
        switch verdict {
        case .valid: return (start, strong ? Self.validFormattedScore : Self.possibleFormattedScore)
        default: return (start, strong ? Self.possibleFormattedScore : Self.amountShapedScore)
        }
    }

    private static let foreignExcludedShapes: Set<[Int]> = [
        [3, 3, 4], [3, 4], [3, 7], [1, 3, 3, 4], [3, 2, 4], [2, 2, 4], [4, 2, 2], [1, 2, 4], [2, 1, 4], [5, 4], [4, 4],
        [4, 4, 4], [4, 6], [4, 4, 2], [2, 2, 2, 2, 2],
    ]

    /// True for groupings worth asking libphonenumber about: three groups or more,
    /// or two with a trunk 0 or an area code in brackets.
    static func mayBeForeignNational(_ lengths: [Int], digits: [UInt8], parens: Bool) -> Bool {
        guard !foreignExcludedShapes.contains(lengths) || (parens && lengths.count == 3 && lengths[0] == 2) else { return false }
        return lengths.count >= 3 || digits[0] == 0 || parens
    }

    /// A number after "+" or "00": the plausibility rules for the countries they
    /// know, libphonenumber for every other country code.
    private func internationalScore(_ digits: [UInt8]) -> Double? {
        guard let rough = PhonePlausibility.internationalScore(digits) else { return nil }
        guard rough < PhonePlausibility.knownCountryScore else { return rough }
        switch PhoneNumberLibrary.classify(digits, international: true) {
        case .valid: return PhonePlausibility.knownCountryScore
        case .possible: return PhonePlausibility.otherCountryScore
        case .impossible: return Self.amountShapedScore
        }
    }
}
