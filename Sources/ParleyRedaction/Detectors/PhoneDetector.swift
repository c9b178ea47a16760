/// Telephone numbers in E.164 (`+44 20 7946 0958`, `0044 …`) and national formats
/// for the US (`(202) 555-0123`, `202-555-0123`, `1-800-555-0199`), the UK
/// (`020 7946 0958`, `07700 900123`), Germany (`030 12345678`) and France
/// (`06 12 34 56 78`), with plausibility rules from `PhonePlausibility`.
/// Unseparated national numbers need a context word ("call", "mobile", …).
struct PhoneDetector: PIIDetector {
    let name = "phone"
    let entityType = PIIEntityType.phone

    func detect(in input: ScanInput, into candidates: inout [Candidate]) {
        let groups = input.digitGroups
        input.forEachDigitChain { chain in
            guard let (start, score) = evaluate(chain, groups: groups, input: input) else { return }
            let end = groups[chain.upperBound - 1].end
            candidates.append(
                Candidate(type: entityType, start: start, end: end, score: score, detector: name, usesContext: true))
        }
    }

    private func evaluate(_ chain: Range<Int>, groups: [DigitGroup], input: ScanInput) -> (Int, Double)? {
        let first = groups[chain.lowerBound]
        let last = groups[chain.upperBound - 1]
        guard chain.count <= 7, !input.numberAttachedAfter(last.end) else { return nil }
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
        if usesDots, lengths != [3, 3, 4], lengths != [2, 2, 2, 2, 2], lengths != [1, 3, 3, 4] { return nil }
        let digits = input.digits(ofGroups: chain)
        let formatted = chain.count > 1
        if hasPlus {
            return PhonePlausibility.internationalScore(digits).map { (start, $0) }
        }
        if digits[0] == 0, digits[1] == 0 {
            return PhonePlausibility.internationalScore(Array(digits[2...])).map { (start, $0 - 0.05) }
        }
        guard PhonePlausibility.hasNationalShape(lengths, digits: digits) else { return nil }
        let style: PhonePlausibility.Style =
            !formatted ? .bare : usesParens || usesDashes ? .punctuated : usesDots ? .dotted : .spaced
        return PhonePlausibility.nationalScore(digits, style: style).map { (start, $0) }
    }
}
