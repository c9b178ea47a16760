/// UK NHS numbers: ten digits, bare or grouped 3-3-4 with spaces or dashes,
/// passing the modulus 11 check. Bare ten digits are common (phone numbers, account
/// numbers), so they need a context word ("NHS", "patient", …). The 3-3-4 form
/// reaches the default threshold alone. Written with spaces, the way the NHS
/// displays its numbers, it also outscores a US phone reading of the same digits
/// (US numbers are written with dashes, dots or brackets); with dashes it loses
/// to a plausible US phone number unless NHS context is present.
struct UKNHSDetector: PIIDetector {
    let name = "uk-nhs"
    let entityType = PIIEntityType.ukNHS

    static let spacedScore = 0.58
    static let groupedScore = 0.5
    static let bareScore = 0.3

    func detect(in input: ScanInput, into candidates: inout [Candidate]) {
        let groups = input.digitGroups
        input.forEachDigitChain { chain in
            let first = groups[chain.lowerBound]
            let last = groups[chain.upperBound - 1]
            guard !input.numberAttachedBefore(first.start), !input.numberAttachedAfter(last.end) else { return }
            let score: Double
            switch chain.count {
            case 1 where first.length == 10:
                score = Self.bareScore
            case 3:
                let middle = groups[chain.lowerBound + 1]
                guard first.length == 3, middle.length == 3, last.length == 4, middle.gap == last.gap,
                      middle.gap == .space || middle.gap == .dash
                else { return }
                score = middle.gap == .space ? Self.spacedScore : Self.groupedScore
            default:
                return
            }
            guard NHSChecksum.isValid(input.digits(ofGroups: chain)) else { return }
            candidates.append(
                Candidate(type: entityType, start: first.start, end: last.end, score: score,
                          detector: name, usesContext: true))
        }
    }
}
