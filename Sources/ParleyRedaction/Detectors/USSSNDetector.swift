/// US Social Security numbers: `AAA-GG-SSSS` (also with spaces or dots) or nine
/// bare digits. Area 000, 666 and 900–999, group 00, serial 0000, repeated digits
/// and well-known advertising numbers are rejected. The dashed, spaced and dotted
/// forms pass the default threshold on their own; nine bare digits need a
/// context word ("SSN").
struct USSSNDetector: PIIDetector {
    let name = "us-ssn"
    let entityType = PIIEntityType.usSSN

    static let dashedScore = 0.6
    static let spacedScore = 0.5
    static let bareScore = 0.3

    /// Numbers published in advertising or used as examples.
    private static let knownFakes: Set<Int> = [78_051_120, 219_099_999, 457_555_462, 123_456_789, 111_111_111]

    func detect(in input: ScanInput, into candidates: inout [Candidate]) {
        let groups = input.digitGroups
        input.forEachDigitChain { chain in
            let first = groups[chain.lowerBound]
            let last = groups[chain.upperBound - 1]
            guard !input.numberAttachedBefore(first.start), !input.numberAttachedAfter(last.end) else { return }
            let score: Double
            switch chain.count {
            case 1 where first.length == 9:
                score = Self.bareScore
            case 3:
                let middle = groups[chain.lowerBound + 1]
                guard first.length == 3, middle.length == 2, last.length == 4, middle.gap == last.gap else { return }
                switch middle.gap {
                case .dash: score = Self.dashedScore
                case .space, .dot: score = Self.spacedScore
                default: return
                }
            default:
                return
            }
            guard Self.isValid(input.digits(ofGroups: chain)) else { return }
            candidates.append(
                Candidate(type: entityType, start: first.start, end: last.end, score: score,
                          detector: name, usesContext: true))
        }
    }

    static func isValid(_ digits: [UInt8]) -> Bool {
        guard digits.count == 9 else { return false }
        let area = Int(digits[0]) * 100 + Int(digits[1]) * 10 + Int(digits[2])
        let group = Int(digits[3]) * 10 + Int(digits[4])
        let serial = digits[5...].reduce(0) { $0 * 10 + Int($1) }
        guard area != 0, area != 666, area < 900, group != 0, serial != 0 else { return false }
        if digits.allSatisfy({ $0 == digits[0] }) { return false }
        let whole = digits.reduce(0) { $0 * 10 + Int($1) }
        return !knownFakes.contains(whole)
    }
}
