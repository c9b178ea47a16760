/// Payment card numbers: 13–19 digits, unseparated or in the usual groups
/// (4-4-4-4, 4-4-4-4-3, 4-6-5, 4-6-4, 4-4-5, 4-4-4-1) with one kind of separator
/// (space or dash), inside a known issuer range, passing Luhn.
struct CreditCardDetector: PIIDetector {
    let name = "credit-card"
    let entityType = PIIEntityType.creditCard
    static let baseScore = 0.9

    /// Grouping patterns, longest first.
    private static let groupings: [[Int]] = [[4, 4, 4, 4, 3], [4, 4, 4, 4], [4, 6, 5], [4, 6, 4], [4, 4, 5], [4, 4, 4, 1]]

    func detect(in input: ScanInput, into candidates: inout [Candidate]) {
        let groups = input.digitGroups
        input.forEachDigitChain { chain in
            // Digits continuing a letter-led identifier (an IBAN, a reference) are not a card.
            if input.byte(at: groups[chain.lowerBound].start - 1).isASCIILetter { return }
            var index = chain.lowerBound
            while index < chain.upperBound {
                if let end = match(startingAt: index, chain: chain, groups: groups, input: input) {
                    candidates.append(
                        Candidate(type: entityType, start: groups[index].start, end: groups[end - 1].end,
                                  score: Self.baseScore, detector: name, usesContext: true))
                    index = end
                } else {
                    index += 1
                }
            }
        }
    }

    /// The end group index (exclusive) of a card starting at group `first`.
    private func match(startingAt first: Int, chain: Range<Int>, groups: [DigitGroup], input: ScanInput) -> Int? {
        let startGroup = groups[first]
        if first == chain.lowerBound {
            if input.numberAttachedBefore(startGroup.start) { return nil }
        } else if startGroup.gap != .space {
            return nil
        }
        if (13...19).contains(startGroup.length) {
            let after = first + 1
            let endsCleanly = after == chain.upperBound ? !input.numberAttachedAfter(startGroup.end) : groups[after].gap == .space
            if endsCleanly, isCard(input.digits(ofGroups: first..<after)) { return after }
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
            if endsCleanly, isCard(input.digits(ofGroups: first..<end)) { return end }
        }
        return nil
    }

    private func isCard(_ digits: [UInt8]) -> Bool {
        CardIssuer.identify(digits) != nil && Luhn.isValid(digits)
    }
}
