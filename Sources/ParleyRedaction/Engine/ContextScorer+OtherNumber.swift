/// A phone-shaped number that also validates as another identifier: ten digits
/// passing the NHS modulus 11 check, or nine digits in the SSN ranges. With that
/// identifier's keyword in the window ("patient", "SSN") the phone reading is
/// the doubtful one, even when a phone word is closer ("the hospital called
/// about 943 476 5919"): a real phone number passes the NHS check by chance
/// only one time in eleven.
extension ContextScorer {
    private static let nhsBit: UInt32 = 1 << UInt32(PIIEntityType.ukNHS.index)
    private static let ssnBit: UInt32 = 1 << UInt32(PIIEntityType.usSSN.index)

    func isAlsoAnotherNumberInContext(_ candidate: Candidate, in input: ScanInput) -> Bool {
        guard input[candidate.start].isASCIIDigit else { return false }  // "+44 …" is only a phone number
        var count = 0
        for position in candidate.start..<candidate.end where input[position].isASCIIDigit { count += 1 }
        guard count == 9 || count == 10 else { return false }
        var digits: [UInt8] = []
        digits.reserveCapacity(count)
        for position in candidate.start..<candidate.end where input[position].isASCIIDigit {
            digits.append(input[position] &- 0x30)
        }
        let otherTypes: UInt32
        switch count {
        case 10 where NHSChecksum.isValid(digits): otherTypes = Self.nhsBit
        case 9 where USSSNDetector.isValid(digits): otherTypes = Self.ssnBit
        default: return false
        }
        return hasKeyword(of: otherTypes, around: candidate, in: input)
    }

    /// True when a keyword of `types` is within the context window, in this
    /// sentence (or the previous one, if close).
    private func hasKeyword(of types: UInt32, around candidate: Candidate, in input: ScanInput) -> Bool {
        var wordEnd = candidate.start
        var crossedSentence = false
        var significant = 0
        let limit = max(0, candidate.start - Self.byteWindow)
        for _ in 0..<Self.prefixWords + Self.fillerAllowance {
            guard let (start, end, boundary) = previousWord(before: wordEnd, limit: limit, in: input) else { break }
            wordEnd = start
            crossedSentence = crossedSentence || boundary
            if crossedSentence, significant > Self.wordsAcrossSentence { break }
            if let entry = lookup(start, end, in: input) {
                if entry.types & types != 0 { return true }
                if entry.flags.contains(.filler) { continue }
            }
            significant += 1
        }
        var wordStart = candidate.end
        let suffixLimit = min(input.count, candidate.end + Self.byteWindow)
        for _ in 0..<Self.suffixWords {
            guard let (start, end) = nextWord(from: wordStart, limit: suffixLimit, in: input) else { break }
            wordStart = end
            if let entry = lookup(start, end, in: input), entry.types & types != 0 { return true }
        }
        return false
    }

    /// True when the word right before `position` (blanks aside) is a keyword of
    /// some personal-data type ("SSN", "phone", "NHS").
    func followsPersonalDataKeyword(_ position: Int, in input: ScanInput) -> Bool {
        guard let (start, end, boundary) = previousWord(before: position, limit: max(0, position - 16), in: input),
              !boundary, end + 2 >= position, let entry = lookup(start, end, in: input)
        else { return false }
        return entry.types != 0
    }
}
