/// Names without a cue phrase before them: a title and a name ("Mrs MacDonald"), a
/// known given name with a surname ("Priya Fernández"), or any capitalised first
/// word with a known surname ("Grace Papadopoulos"), in one pass over the
/// capitalised words; and a name that a confirming word after it introduces
/// ("Olamide here", "Anna Smith speaking").
extension PersonDetector {
    /// The name a pattern finds at `word`, if the word can start one.
    func patternName(startingWith word: TextWord, in input: ScanInput) -> (NameScanner.Name, Double)? {
        var start = word.start
        let first = input[start]
        let next = input.byte(at: word.end)
        var wordEnd = word.end
        if first.isASCIIUpper {
            // A plain ASCII word ends the run; accents, apostrophes and hyphens need the scanner.
            let plain = next < 0x80 && next != 0x27 && next != 0x2D
            guard !plain || word.end - start >= 2, startsNameWord(start, in: input) else { return nil }
            if !plain, let possessive = possessiveName(at: start, wordEnd: word.end, in: input) { return possessive }
            if !plain {
                guard let scanned = scanner.word(input, at: start) else { return nil }
                wordEnd = scanned.end
            }
        } else if first.isASCIILower, input.byte(at: start - 1) >= 0x80 {
            // "Łukasz": the ASCII run begins after a non-ASCII capital.
            start = input.previousScalarStart(before: start)
            guard let (scalar, _) = input.scalar(at: start), scalar.properties.isUppercase,
                  startsNameWord(start, in: input), let scanned = scanner.word(input, at: start)
            else { return nil }
            wordEnd = scanned.end
        } else {
            return nil
        }
        guard let found = pattern(at: start, wordEnd: wordEnd, in: input) else { return nil }
        // "Tim Hortons", "Albert Heijn": a brand, unless a cue says otherwise.
        if !found.0.hasTitle, BrandNames.covers(found.0.start, found.0.end, in: input) { return nil }
        return found
    }

    private func pattern(at start: Int, wordEnd: Int, in input: ScanInput)
        -> (NameScanner.Name, Double)?
    {
        if wordEnd - start <= NameScanner.longestTitle, scanner.titleEnd(input, at: start) != nil {
            guard !isStreetAbbreviation(at: start, in: input),
                  let name = scanner.scan(input, at: start, allowLowercase: false), name.hasTitle
            else { return nil }
            return (name, Self.titleScore)
        }
        guard mayContinueName(after: wordEnd, in: input) else { return nil }
        if scanner.lexicon.kind(input, start, wordEnd) != .known {
            // Otherwise only a known surname next (particles aside: "de la Cruz")
            // vouches for the pair; look it up before reading the name.
            var surnameStart = wordEnd + 1
            for _ in 0..<3 {
                guard let next = scanner.word(input, at: surnameStart) else { return nil }
                if scanner.lexicon.isSurname(input, surnameStart, next.end) { break }
                guard scanner.isParticle(input, surnameStart, next.end), input.byte(at: next.end) == 0x20 else {
                    return nil
                }
                surnameStart = next.end + 1
            }
        }
        guard let name = scanner.scan(input, at: start, allowLowercase: false), name.words >= 2 else { return nil }
        if name.firstKind == .known { return (name, Self.fullNameScore) }
        return hasKnownSurname(name, in: input) ? (name, Self.surnameScore) : nil
    }

    /// "Anna's account", "Rachel’s card": a given name the lexicon knows (not
    /// one that is also an ordinary word or a place) before a possessive `'s`.
    private func possessiveName(at start: Int, wordEnd: Int, in input: ScanInput) -> (NameScanner.Name, Double)? {
        let apostrophe: Int
        if input.byte(at: wordEnd) == 0x27 {
            apostrophe = 1
        } else if input.byte(at: wordEnd) == 0xE2, input.byte(at: wordEnd + 1) == 0x80, input.byte(at: wordEnd + 2) == 0x99 {
            apostrophe = 3  // ’
        } else {
            return nil
        }
        let after = wordEnd + apostrophe + 1
        guard input.byte(at: wordEnd + apostrophe) == 0x73, input.isWordEnd(after),
              scanner.lexicon.kind(input, start, wordEnd) == .known,
              !Self.possessiveBrands.contains(input, start, wordEnd)
        else { return nil }
        // "St James's Hospital", "St Patrick's Day", "Ben & Jerry's": a saint or a shop.
        var before = start - 1
        while before >= 0, input[before] == 0x20 { before -= 1 }
        if before >= 0, input[before] == 0x26 { return nil }  // &
        if before >= 0, input[before] == 0x2E { before -= 1 }
        if before >= 1, input[before] | 0x20 == 0x74, input[before - 1] | 0x20 == 0x73,
           !input.byte(at: before - 2).isASCIILetter  // St
        {
            return nil
        }
        if input.matches("Saint ", at: start - 6) || input.matches("San ", at: start - 4) { return nil }
        // "Claire's Accessories", "Macy's Herald Square": a capitalised word after it names a business or place.
        let next = input.skipBlanks(from: after)
        if next == after + 1, input.byte(at: next).isASCIIUpper { return nil }
        let name = NameScanner.Name(
            start: start, end: wordEnd, words: 1, hasTitle: false, firstKind: .known, lastWord: start..<wordEnd,
            particlesBeforeLastWord: nil)
        return (name, Self.fullNameScore)
    }

    /// Given names that, with `'s`, are first of all a chain's name.
    private static let possessiveBrands = ByteWordSet(["wendy", "denny"])

    /// A cheap look at what follows a capitalised word: another name word (a
    /// capital, a non-ASCII letter, or a particle's first letter) after one space.
    private func mayContinueName(after wordEnd: Int, in input: ScanInput) -> Bool {
        guard input.byte(at: wordEnd) == 0x20 else { return false }
        let next = input.byte(at: wordEnd + 1)
        switch next {
        case 0x41...0x5A, 0xC0...0xFF: return true
        case 0x61...0x7A:
            let end = input.letterRunEnd(from: wordEnd + 1)
            return end - wordEnd <= 6 && scanner.isParticle(input, wordEnd + 1, end)  // "de", "van", "bint"
        default: return false
        }
    }

    /// True when `start` begins a word: not after a letter, digit, apostrophe or hyphen.
    private func startsNameWord(_ start: Int, in input: ScanInput) -> Bool {
        let previous = input.byte(at: start - 1)
        if previous.isASCIIAlnum || previous == 0x27 || previous == 0x2D || previous == 0x5F { return false }
        guard previous >= 0x80 else { return true }
        guard let (scalar, _) = input.scalar(at: input.previousScalarStart(before: start)) else { return false }
        return !NameScanner.isLetter(scalar) && scalar != "\u{2019}"
    }

    /// "Oak Dr Smith…": `Dr` after a capitalised word is a street type, not a title.
    private func isStreetAbbreviation(at start: Int, in input: ScanInput) -> Bool {
        guard input[start] == 0x44, input.byte(at: start + 1) | 0x20 == 0x72 else { return false }  // Dr
        var position = start - 1
        while position >= 0, input[position] == 0x20 { position -= 1 }
        guard position >= 0, input[position].isASCIILetter || input[position] >= 0x80 else { return false }
        while position > 0, input[position - 1].isASCIILetter || input[position - 1] >= 0x80 { position -= 1 }
        return StreetWord.isCapitalised(input, position)
    }

    /// True when only blanks and punctuation (or nothing) come before `start` on
    /// its line: "Olamide here", "Hi, Olamide here", "👋 Olamide here".
    private func opensSentence(_ start: Int, in input: ScanInput) -> Bool {
        var position = start - 1
        while position >= 0, input[position] == 0x20 || input[position] == 0x09 { position -= 1 }
        guard position >= 0 else { return true }
        let byte = input[position]
        if byte.isASCIIAlnum { return false }
        if byte < 0x80 { return true }
        guard let (scalar, _) = input.scalar(at: input.previousScalarStart(before: position + 1)) else { return false }
        return !NameScanner.isLetter(scalar)
    }

    /// "Olamide here", "Anna Smith speaking": the name before the confirming word
    /// at `confirmation`, when it opens its sentence and "here" closes its clause.
    func nameBefore(confirmation: Int, in input: ScanInput) -> (NameScanner.Name, Double)? {
        let space = confirmation - 1
        guard input.byte(at: space) == 0x20, input[confirmation].isASCIILower,
              hasOpeningFollower(at: space, in: input)
        else { return nil }
        var wordEnd = space
        for _ in 0..<NameScanner.maxWords {
            var wordStart = wordEnd
            while wordStart > 0, StreetWord.isLetterByte(input[wordStart - 1]) || input[wordStart - 1] == 0x27
                || input[wordStart - 1] == 0x2D, wordEnd - wordStart < 40
            {
                wordStart -= 1
            }
            guard wordStart < wordEnd else { return nil }
            if opensSentence(wordStart, in: input) {
                guard StreetWord.isCapitalised(input, wordStart),
                      let name = scanner.scan(input, at: wordStart, allowLowercase: false), name.end == space
                else { return nil }
                // "Georgia from billing told me": "from" confirms only a given name
                // the lexicon knows, or a full name ("Emails from …" is no one).
                if input.matches(" from ", at: space) {
                    guard name.firstKind != .unknown || hasKnownSurname(name, in: input) else { return nil }
                }
                return (name, Self.followerScore)
            }
            guard wordStart > 0, input[wordStart - 1] == 0x20 else { return nil }
            wordEnd = wordStart - 1
        }
        return nil
    }

    /// " from ", " speaking" or " calling", or " here" closing its clause ("Anna here, …",
    /// "Anna here again") rather than starting one ("Things here are …").
    private func hasOpeningFollower(at position: Int, in input: ScanInput) -> Bool {
        if input.matches(" from ", at: position) { return true }  // the caller asks more of the name
        if input.matches(" speaking", at: position) || input.matches(" calling", at: position) {
            return input.isWordEnd(position + (input[position + 1] == 0x73 ? 9 : 8))
        }
        guard input.matches(" here", at: position), input.isWordEnd(position + 5) else { return false }
        let next = input.skipBlanks(from: position + 5)
        guard input.byte(at: next).isASCIILetter else { return true }
        // Words that may follow "Anna here": "again", "from flat 4", "and I …".
        let end = input.letterRunEnd(from: next)
        switch end - next {
        case 1: return input[next] | 0x20 == 0x69  // i
        case 2: return input.matches("on", at: next) || input.matches("at", at: next)
        case 3: return input.matches("and", at: next)
        case 4: return input.matches("from", at: next) || input.matches("with", at: next)
        case 5: return input.matches("again", at: next)
        default: return false
        }
    }
}
