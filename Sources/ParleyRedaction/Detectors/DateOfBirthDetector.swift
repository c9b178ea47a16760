/// Dates of birth: a date is personal data only when a cue makes it a birth date
/// ("born on", "date of birth", "DOB", "birthday"), before or after it. Other
/// dates (deliveries, appointments) are left alone.
///
/// After an unambiguous cue ("date of birth", "DOB", "born") up to four other
/// words may come before the date ("date of birth on the account is …", "born
/// in Leeds on …"), within the clause: a comma after such a word, a conjunction
/// ("but", "and") or a word that dates something else ("delivered", "due")
/// ends the search. After "birthday", which also names a party, two such words
/// may, and before it none.
struct DateOfBirthDetector: PIIDetector {
    let name = "date-of-birth"
    let entityType = PIIEntityType.dateOfBirth
    static let score = 0.85
    /// Filler words allowed between cue and date.
    static let maxFillerWords = 4
    /// Other words allowed between an unambiguous cue and the date.
    static let maxOtherWords = 4
    /// Other words allowed after "birthday" ("my birthday down as …"); the
    /// clause breaks ("party", "sent") keep celebrations out.
    static let maxOtherWordsAfterBirthday = 2
    /// Other words allowed between a date and an unambiguous cue after it
    /// ("12/05/1990 is when I was born").
    static let maxOtherWordsBefore = 3

    private let cues = PhraseMatcher([
        "born on", "born", "date of birth", "date-of-birth", "birth date", "birthdate", "birth", "dob", "d.o.b",
        "geburtsdatum", "geboren am", "geboren", "date de naissance", "né le", "née le", "fecha de nacimiento",
        "data di nascita", "birthday", "bday", "b-day", "b'day",
    ])
    /// Cues that also name the celebration ("my birthday party is on …").
    private let celebrationCues = PhraseMatcher(["birthday", "bday", "b-day", "b'day"])
    private let fillers = PhraseMatcher([
        "is", "was", "on", "the", "of", "my", "it's", "its", "as", "being", "that's", "which", "it", "date",
        "should", "be", "read", "reads", "says", "shows", "i", "me", "s",
    ])
    /// Words that end the search for a date after a cue: conjunctions, and
    /// words that give a date some other meaning.
    private let clauseBreaks = ByteWordSet([
        "but", "and", "so", "because", "while", "although", "though", "however", "then", "whereas", "delivered",
        "delivery", "appointment", "order", "ordered", "paid", "payment", "due", "since", "until", "expires",
        "expiry", "expired", "issued", "arrived", "arrives", "booked", "statement", "dated", "renewal", "renewed",
        "moved", "joined", "opened", "started", "sent", "received", "party", "today", "yesterday", "tomorrow",
    ])

    func detect(in input: ScanInput, into candidates: inout [Candidate]) {
        guard !input.digitGroups.isEmpty else { return }  // no date without a digit
        cues.forEachMatch(in: input) { cue in
            let celebration = celebrationCues.longestMatch(at: cue.start, in: input)?.end == cue.end
            let after = celebration ? Self.maxOtherWordsAfterBirthday : Self.maxOtherWords
            if let (start, end) = dateAfter(cue.end, otherWords: after, in: input)
                ?? dateBefore(cue.start, otherWords: celebration ? 0 : Self.maxOtherWordsBefore, in: input)
            {
                candidates.append(
                    Candidate(type: entityType, start: start, end: end, score: Self.score, detector: name, usesContext: false))
            }
        }
    }

    /// Punctuation between a cue and its date ("DOB: …", "date of birth? …"),
    /// and line breaks: a form's label on one line, its value on the next.
    private static func isSkippable(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, 0x3A, 0x2D, 0x2C, 0x3D, 0x28, 0x22, 0x27, 0x2E, 0x3F, 0x21: return true
        default: return false
        }
    }

    private func dateAfter(_ cueEnd: Int, otherWords: Int, in input: ScanInput) -> (Int, Int)? {
        var position = cueEnd
        var othersLeft = otherWords
        var clauseOpen = true  // no other word skipped yet, so punctuation may follow
        for _ in 0...(Self.maxFillerWords + otherWords) {
            var skipped = 0
            var onlyDateMayFollow = false
            while position < input.count, skipped < 8 {
                if clauseOpen, let hintEnd = Self.formatHintEnd(at: position, in: input) {
                    position = hintEnd  // "Date of birth (dd/mm/yyyy): …"
                } else if clauseOpen ? Self.isSkippable(input[position]) : Self.isBlankOrQuote(input[position]) {
                    position += 1
                } else if clauseOpen, Self.isDash(input, at: position) {
                    position += 3  // "DOB – 12/05/1990", "birthday’s"
                } else if input[position] == 0x2C || input[position] == 0x2D {
                    // "the DOB on file, 12/05/1990": after other words a comma or a
                    // dash may come only right before the date.
                    position += 1
                    onlyDateMayFollow = true
                } else {
                    break
                }
                skipped += 1
            }
            if let end = DateParser.parse(input, at: position) { return (position, end) }
            if onlyDateMayFollow { return nil }
            if let filler = fillerEnd(at: position, in: input) {
                position = filler
                continue
            }
            guard othersLeft > 0, input.byte(at: position).isASCIILetter else { return nil }
            let wordEnd = input.letterRunEnd(from: position)
            guard !input.byte(at: wordEnd).isASCIIDigit, !clauseBreaks.contains(input, position, wordEnd) else { return nil }
            othersLeft -= 1
            clauseOpen = false
            position = wordEnd
        }
        return nil
    }

    /// The end of a bracketed format hint without digits ("(dd/mm/yyyy)").
    private static func formatHintEnd(at position: Int, in input: ScanInput) -> Int? {
        guard input[position] == 0x28 else { return nil }
        var index = position + 1
        while index < input.count, index - position <= 16 {
            let byte = input[index]
            if byte == 0x29 { return index > position + 1 ? index + 1 : nil }
            guard byte.isASCIILetter || byte == 0x2F || byte == 0x2E || byte == 0x2D || byte == 0x20 else { return nil }
            index += 1
        }
        return nil
    }

    /// An en or em dash, or a typographic apostrophe ("birthday’s").
    private static func isDash(_ input: ScanInput, at position: Int) -> Bool {
        input[position] == 0xE2 && input.byte(at: position + 1) == 0x80
            && (input.byte(at: position + 2) == 0x93 || input.byte(at: position + 2) == 0x94
                || input.byte(at: position + 2) == 0x99)
    }

    /// Blanks, quotes and a colon ("on file: 12/05/1990") may follow a skipped word.
    private static func isBlankOrQuote(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x22 || byte == 0x27 || byte == 0x3A || byte == 0x28
    }

    private func fillerEnd(at position: Int, in input: ScanInput) -> Int? {
        guard input.byte(at: position).isASCIILetter else { return nil }
        return fillers.longestMatch(at: position, in: input)?.end
    }

    /// "…12/03/1985 is my date of birth": walk back over fillers (and up to
    /// `otherWords` other words within the clause: "12/05/1990 is when I was
    /// born"), then find a date that ends exactly there.
    private func dateBefore(_ cueStart: Int, otherWords: Int, in input: ScanInput) -> (Int, Int)? {
        var position = cueStart
        var othersLeft = otherWords
        var clauseOpen = true
        for _ in 0...(Self.maxFillerWords + otherWords) {
            while position > 0, clauseOpen ? Self.isSkippable(input[position - 1]) : Self.isBlankOrQuote(input[position - 1]) {
                position -= 1
            }
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
            guard wordStart < end else { return nil }
            if fillerEnd(at: wordStart, in: input) != end {
                guard othersLeft > 0, input.byte(at: wordStart - 1) == 0x20,
                      !clauseBreaks.contains(input, wordStart, end)
                else { return nil }
                othersLeft -= 1
                clauseOpen = false
            }
            position = wordStart
        }
        return nil
    }
}
