/// International Bank Account Numbers, compact (`GB82WEST12345698765432`) or in
/// groups of four separated by spaces or dashes (`GB82 WEST 1234 5698 7654 32`,
/// `DE89-3704-0044-0532-0130-00`), with the exact length for the
/// country from the SWIFT registry and a valid mod-97 check.
struct IBANDetector: PIIDetector {
    let name = "iban"
    let entityType = PIIEntityType.iban
    static let score = 0.95

    func detect(in input: ScanInput, into candidates: inout [Candidate]) {
        guard !input.digitGroups.isEmpty else { return }  // check digits are never absent
        var resumeAt = 0
        for word in input.words {
            let start = word.start
            let end = word.end
            guard start >= resumeAt, end - start >= 4, input[start].isASCIILetter, input[start + 1].isASCIILetter,
                  input[start + 2].isASCIIDigit, input[start + 3].isASCIIDigit
            else { continue }
            let first = input[start].asciiUppercased
            let second = input[start + 1].asciiUppercased
            let expected = Int(IBANRegistry.table[Int(first - 65) * 26 + Int(second - 65)])
            guard expected > 0, end - start == expected || end - start == 4,
                  let (ibanEnd, characters) = read(from: start, expected: expected, in: input),
                  IBANRegistry.hasValidChecksum(characters)
            else { continue }
            candidates.append(
                Candidate(type: entityType, start: start, end: ibanEnd, score: Self.score, detector: name, usesContext: false))
            resumeAt = ibanEnd
        }
    }

    /// Reads the compact or grouped form; returns the end and the uppercase characters.
    private func read(from start: Int, expected: Int, in input: ScanInput) -> (Int, [UInt8])? {
        var characters: [UInt8] = []
        characters.reserveCapacity(expected)
        var index = start
        while index < input.count, input[index].isASCIIAlnum, characters.count <= expected {
            characters.append(input[index].asciiUppercased)
            index += 1
        }
        if characters.count == expected {
            return input.isWordEnd(index) ? (index, characters) : nil
        }
        guard characters.count == 4 else { return nil }
        // Grouped: single spaces (or dashes) between groups of four; the last may be shorter.
        let separator = input.byte(at: index)
        guard separator == 0x20 || separator == 0x2D else { return nil }
        while characters.count < expected {
            guard input.byte(at: index) == separator, input.byte(at: index + 1).isASCIIAlnum else { return nil }
            index += 1
            var groupLength = 0
            while index < input.count, input[index].isASCIIAlnum, groupLength < 4 {
                characters.append(input[index].asciiUppercased)
                index += 1
                groupLength += 1
            }
            if characters.count > expected { return nil }
            if groupLength < 4, characters.count < expected { return nil }
        }
        return input.isWordEnd(index) ? (index, characters) : nil
    }
}
