/// Dates of birth: a date is personal data only when a cue makes it a birth date
/// ("born on", "date of birth", "DOB", "birthday"), before or after it. Other
/// dates (deliveries, appointments) are left alone.
struct DateOfBirthDetector: PIIDetector {
    let name = "date-of-birth"
    let entityType = PIIEntityType.dateOfBirth
    static let score = 0.85
    /// Filler words allowed between cue and date.
    static let maxFillerWords = 4

    private let cues = PhraseMatcher([
        "born on", "born", "date of birth", "birth date", "birthdate", "dob", "d.o.b", "birthday",
        "bday", "b-day", "geburtsdatum", "date de naissance",
    ])
    private let fillers = PhraseMatcher([
        "is", "was", "on", "the", "of", "my", "it's", "its", "as", "being", "that's", "which", "it", "date",
        "should", "be", "read", "reads", "says", "shows", "i", "me",
    ])

    func detect(in input: ScanInput, into candidates: inout [Candidate]) {
        cues.forEachMatch(in: input) { cue in
            if let (start, end) = dateAfter(cue.end, in: input) ?? dateBefore(cue.start, in: input) {
                candidates.append(
                    Candidate(type: entityType, start: start, end: end, score: Self.score, detector: name, usesContext: false))
            }
        }
    }

    private static func isSkippable(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x3A, 0x2D, 0x2C, 0x3D, 0x28, 0x22, 0x27, 0x2E: return true
        default: return false
        }
    }

    private func dateAfter(_ cueEnd: Int, in input: ScanInput) -> (Int, Int)? {
        var position = cueEnd
        for _ in 0...Self.maxFillerWords {
            var skipped = 0
            while position < input.count, Self.isSkippable(input[position]), skipped < 8 {
                position += 1
                skipped += 1
            }
            if let end = DateParser.parse(input, at: position) { return (position, end) }
            guard let filler = fillerEnd(at: position, in: input) else { return nil }
            position = filler
        }
        return nil
    }

    private func fillerEnd(at position: Int, in input: ScanInput) -> Int? {
        guard input.byte(at: position).isASCIILetter else { return nil }
        return fillers.longestMatch(at: position, in: input)?.end
    }

    /// "…12/03/1985 is my date of birth": walk back over fillers, then find a
    /// date that ends exactly there.
    private func dateBefore(_ cueStart: Int, in input: ScanInput) -> (Int, Int)? {
        var position = cueStart
        for _ in 0...Self.maxFillerWords {
            while position > 0, Self.isSkippable(input[position - 1]) { position -= 1 }
            let end = position
            let earliest = max(0, end - 24)
            var start = end - 1
            while start >= earliest {
                if input.isWordStart(start), input[start].isASCIIAlnum, DateParser.parse(input, at: start) == end {
                    return (start, end)
                }
                start -= 1
            }
            var wordStart = end
            while wordStart > 0, input[wordStart - 1].isASCIILetter || input[wordStart - 1] == 0x27 { wordStart -= 1 }
            guard wordStart < end, fillerEnd(at: wordStart, in: input) == end else { return nil }
            position = wordStart
        }
        return nil
    }
}
