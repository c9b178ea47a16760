/// UK National Insurance numbers: two prefix letters (first not D, F, I, Q, U, V;
/// second not D, F, I, O, Q, U, V; not BG, GB, KN, NK, NT, TN, ZZ), six digits
/// (optionally in pairs separated by spaces) and a suffix A–D.
struct UKNINODetector: PIIDetector {
    let name = "uk-nino"
    let entityType = PIIEntityType.ukNINO
    static let score = 0.6
    static let lowercaseScore = 0.3

    private static let excludedPairs: Set<UInt16> = Set(
        ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"].map { pair in
            let bytes = Array(pair.utf8)
            return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
        })

    func detect(in input: ScanInput, into candidates: inout [Candidate]) {
        guard !input.digitGroups.isEmpty else { return }
        var resumeAt = 0
        input.forEachWord { start, end in
            let length = end - start
            guard start >= resumeAt, length == 9 || (length == 2 && input.byte(at: end) == 0x20),
                  input[start].isASCIILetter, input[start + 1].isASCIILetter,
                  let matchEnd = match(at: start, in: input)
            else { return }
            let uppercase = input[start].isASCIIUpper && input[start + 1].isASCIIUpper && input[matchEnd - 1].isASCIIUpper
            candidates.append(
                Candidate(type: entityType, start: start, end: matchEnd,
                          score: uppercase ? Self.score : Self.lowercaseScore, detector: name, usesContext: true))
            resumeAt = matchEnd
        }
    }

    /// Letters excluded as first (`D F I Q U V`) and second (`D F I O Q U V`)
    /// prefix letter, as bit masks over A…Z.
    private static let excludedFirstMask: UInt32 = mask("DFIQUV")
    private static let excludedSecondMask: UInt32 = mask("DFIOQUV")

    private static func mask(_ letters: String) -> UInt32 {
        letters.utf8.reduce(0) { $0 | 1 << UInt32($1 - 65) }
    }

    private func match(at start: Int, in input: ScanInput) -> Int? {
        let first = input[start].asciiUppercased
        let second = input[start + 1].asciiUppercased
        let next = input.byte(at: start + 2)
        guard next.isASCIIDigit || next == 0x20 else { return nil }
        guard Self.excludedFirstMask & 1 << UInt32(first - 65) == 0,
              Self.excludedSecondMask & 1 << UInt32(second - 65) == 0,
              !Self.excludedPairs.contains(UInt16(first) << 8 | UInt16(second))
        else { return nil }
        var index = start + 2
        let spaced = input.byte(at: index) == 0x20
        for _ in 0..<3 {
            if spaced {
                guard input.byte(at: index) == 0x20 else { return nil }
                index += 1
            }
            guard input.byte(at: index).isASCIIDigit, input.byte(at: index + 1).isASCIIDigit else { return nil }
            index += 2
        }
        if spaced {
            guard input.byte(at: index) == 0x20 else { return nil }
            index += 1
        }
        let suffix = input.byte(at: index).asciiUppercased
        guard suffix >= 0x41, suffix <= 0x44, input.isWordEnd(index + 1) else { return nil }
        return index + 1
    }
}
