/// Payment card numbers: 12–19 digits, unseparated or in the usual groups
/// (4-4-4-4, 4-4-4-4-3, 4-6-5, 4-6-4, 4-4-5, 4-4-4-3, 4-4-4-1, 4-4-4) with one
/// kind of separator (space or dash), passing Luhn. Inside a published issuer
/// range (`CardIssuer`) a number scores high on its own; a Luhn-valid number of
/// 13–19 digits outside every range scores low and needs a card word nearby.
struct CreditCardDetector: PIIDetector {
    let name = "credit-card"
    let entityType = PIIEntityType.creditCard
    static let baseScore = 0.9
    /// Luhn-valid, no known range: redacted only with context ("card", "visa").
    static let unknownRangeScore = 0.3

    /// Grouping patterns, longest first.
    private static let groupings: [[Int]] = [
        [4, 4, 4, 4, 3], [4, 4, 4, 4], [4, 6, 5], [4, 6, 4], [4, 4, 5], [4, 4, 4, 3], [4, 4, 4, 1], [4, 4, 4],
    ]

    func detect(in input: ScanInput, into candidates: inout [Candidate]) {
        let groups = input.digitGroups
        input.forEachDigitChain { chain in
            // Digits continuing a letter-led identifier (an IBAN, a reference) are not a card.
            if input.byte(at: groups[chain.lowerBound].start - 1).isASCIILetter { return }
            var index = chain.lowerBound
            while index < chain.upperBound {
                if let (end, score) = match(startingAt: index, chain: chain, groups: groups, input: input) {
                    candidates.append(
                        Candidate(type: entityType, start: groups[index].start, end: groups[end - 1].end,
                                  score: score, detector: name, usesContext: true))
                    index = end
                } else {
                    index += 1
                }
            }
        }
    }

    /// The end group index (exclusive) of a card starting at group `first`, and its score.
    private func match(startingAt first: Int, chain: Range<Int>, groups: [DigitGroup], input: ScanInput) -> (Int, Double)? {
        let startGroup = groups[first]
        if first == chain.lowerBound {
            if input.numberAttachedBefore(startGroup.start) { return nil }
        } else if startGroup.gap != .space {
            return nil
        }
        if (12...19).contains(startGroup.length) {
            let after = first + 1
            let endsCleanly = after == chain.upperBound ? !input.numberAttachedAfter(startGroup.end) : groups[after].gap == .space
            if endsCleanly, let score = score(input.digits(ofGroups: first..<after)) { return (after, score) }
            return nil
        }
        guard startGroup.length == 4, first + 1 < chain.upperBound else { return nil }
        let separator = groups[first + 1].gap
        guard separator == .space || separator == .dash else { return nil }
        for grouping in Self.groupings {
            let end = first + grouping.count
            guard end <= chain.upperBound else { continue }
            var fits = true
            for (offset, size) in grouping.enumerated() {
                let group = groups[first + offset]
                if group.length != size || (offset > 0 && group.gap != separator) {
                    fits = false
                    break
                }
            }
            guard fits else { continue }
            let endsCleanly = end == chain.upperBound
                ? !input.numberAttachedAfter(groups[end - 1].end)
                : groups[end].gap == .space || groups[end].gap == .slash
            if endsCleanly, let score = score(input.digits(ofGroups: first..<end)) { return (end, score) }
        }
        return nil
    }

    /// High inside an issuer range, low for other Luhn-valid 13–19 digits (not
    /// test patterns with a run of six ascending digits: "1234567812345670"), else nil.
    private func score(_ digits: [UInt8]) -> Double? {
        guard Luhn.isValid(digits) else { return nil }
        if CardIssuer.identify(digits) != nil { return Self.baseScore }
        return digits.count >= 13 && !Self.hasAscendingRun(digits) ? Self.unknownRangeScore : nil
    }

    private static func hasAscendingRun(_ digits: [UInt8]) -> Bool {
        var run = 1
        for index in 1..<digits.count {
            run = digits[index] == digits[index - 1] &+ 1 ? run + 1 : 1
            if run >= 6 { return true }
        }
        return false
    }
}
