/// Reads a personal name at a position: an optional title (`Mr`, `Dr.`, `Frau`), then one
/// to four name words (`Zoë`, `O'Brien`, `Jean-Luc`, `José` with a combining
/// accent), optionally joined by lowercase particles (`van`, `de`, `bin`). Works on
/// bytes and Unicode scalars, so accented and non-Latin letters count as letters,
/// and allocates nothing.
///
/// A word that names an organisation or a street ("Bank", "Road") rejects the
/// whole reading: "Victoria Road" and "John Lewis Partnership" are not people.
///
/// A final class of immutable tables, so that holding or capturing it costs one
/// retain instead of one per word list.
final class NameScanner: Sendable {
    static let maxWords = 4

    /// What was read, for the caller to weigh.
    struct Name {
        var start: Int
        var end: Int
        /// Name words, not counting the title and particles.
        var words: Int
        var hasTitle: Bool
        /// How the lexicon knows the first name word.
        var firstKind: NameLexicon.Kind
        /// The last name word ("Cruz" in "de la Cruz").
        var lastWord: Range<Int>
        /// Where the particles right before the last word begin ("de" in
        /// "Jordi de Girona"), or nil: "soy Jordi de Girona" may say where Jordi is from.
        var particlesBeforeLastWord: Int?
        /// The place a cue's reader cut off the name ("Girona"), set by `PersonDetector`.
        var origin: Range<Int>? = nil
    }

    let lexicon: NameLexicon
    private let vocabulary = NameVocabulary()

    init(lexicon: NameLexicon = NameLexicon()) {
        self.lexicon = lexicon
    }

    /// The name starting at `start`, or nil. With `allowLowercase` a name written
    /// in lowercase is accepted (after strong cues like "my name is"), and so is
    /// one in capitals ("NAME: ANNA SMITH").
    func scan(_ input: ScanInput, at start: Int, allowLowercase: Bool) -> Name? {
        var position = start
        var hasTitle = false
        if let titleEnd = titleEnd(input, at: position) {
            position = titleEnd
            hasTitle = true
        }
        // The title is not part of the name: "Mr [Okafor]", "Dr. [Amina Yusuf]".
        let nameStart = position
        var end: Int?
        var words = 0
        var firstKind = NameLexicon.Kind.unknown
        var initials = 0
        var lastWord = start..<start
        var pendingParticles = 0
        var particleStart: Int?
        var particlesBeforeLastWord: Int?
        var sawCapitalised = false
        while words < Self.maxWords, let word = word(input, at: position) {
            let shape = Self.shape(input, position, word.end)
            let category = vocabulary.category(input, position, word.end)
            if category.contains(.stop) || (category.contains(.title) && !category.contains(.leadingOnly)) { break }
            if category.contains(.placeOrOrganisation) {
                if words > 0 { return nil }
                break
            }
            let initial = shape == .initial && (words > 0 || hasTitle || input.byte(at: word.end) == 0x2E)
            if shape == .lowercase, category.contains(.particle), end != nil || hasTitle,
               pendingParticles < 3
            {
                if pendingParticles == 0 { particleStart = position }
                pendingParticles += 1
            } else if shape == .capitalised || initial
                || (allowLowercase && shape == .lowercase && !sawCapitalised)
                || (allowLowercase && shape == .allCapitals)
            {
                if words == initials, !initial { firstKind = lexicon.kind(input, position, word.end) }
                if initial { initials += 1 }
                sawCapitalised = sawCapitalised || shape != .lowercase
                end = word.end
                lastWord = position..<word.end
                particlesBeforeLastWord = pendingParticles > 0 ? particleStart : nil
                words += 1
                pendingParticles = 0
            } else {
                break
            }
            if word.possessive { break }
            var next = word.end
            if shape == .initial, input.byte(at: next) == 0x2E { next += 1 }
            guard input.byte(at: next) == 0x20 else { break }
            position = next + 1
        }
        guard var nameEnd = end, words > initials || hasTitle else { return nil }
        // "Marcus Whitaker Jr.": the suffix's dot belongs to the name.
        if words >= 2, input.byte(at: nameEnd) == 0x2E, Self.isSuffix(input, lastWord) { nameEnd += 1 }
        return Name(start: nameStart, end: nameEnd, words: words, hasTitle: hasTitle, firstKind: firstKind,
                    lastWord: lastWord, particlesBeforeLastWord: particlesBeforeLastWord)
    }

    /// True for a lowercase name particle ("van", "de", "bin").
    func isParticle(_ input: ScanInput, _ start: Int, _ end: Int) -> Bool {
        vocabulary.category(input, start, end).contains(.particle)
    }

    /// "dottoressa": no title is longer.
    static let longestTitle = 10

    /// "Jr", "Jnr", "Snr": a generational suffix ("Sr" is read as a title).
    static func isSuffix(_ input: ScanInput, _ word: Range<Int>) -> Bool {
        switch word.count {
        case 2: return input.matches("Jr", at: word.lowerBound)
        case 3: return input.matches("Jnr", at: word.lowerBound) || input.matches("Snr", at: word.lowerBound)
        default: return false
        }
    }

    /// The end of a title and the space after it ("Mr ", "Dr. "), or nil.
    func titleEnd(_ input: ScanInput, at start: Int) -> Int? {
        switch input.byte(at: start) {
        case 0x4D, 0x44, 0x50, 0x48, 0x46, 0x53, 0x41:
            break  // M D P H F S A: Mr Mrs Mevrouw Dr Domnul Prof Pan Herr Haji Frau Sr Signor Alhaji …
        default: return nil
        }
        let wordEnd = input.letterRunEnd(from: start)
        guard wordEnd - start >= 2, wordEnd - start <= Self.longestTitle,
              vocabulary.category(input, start, wordEnd).contains(.title)
        else { return nil }
        var next = wordEnd
        if input.byte(at: next) == 0x2E { next += 1 }
        return input.byte(at: next) == 0x20 ? next + 1 : nil
    }

    /// A word of letters (any script), combining marks, inner apostrophes and
    /// hyphens, starting at `start`. A possessive `'s` ends the word before it.
    func word(_ input: ScanInput, at start: Int) -> (end: Int, possessive: Bool)? {
        guard let (first, firstLength) = input.scalar(at: start), Self.isLetter(first) else { return nil }
        var position = start + firstLength
        while position < input.count {
            let byte = input[position]
            if byte.isASCIILetter {
                position += 1
                continue
            }
            if byte < 0x80, byte != 0x27, byte != 0x2D { break }
            guard let (scalar, length) = input.scalar(at: position) else { break }
            if !scalar.isASCII, Self.isLetter(scalar) || Self.isCombiningMark(scalar) {
                position += length
            } else if scalar == "'" || scalar == "\u{2019}" || scalar == "-",
                      let (next, _) = input.scalar(at: position + length), Self.isLetter(next)
            {
                if scalar != "-", let contraction = contraction(input, after: position + length) {
                    // "Anna's" is Anna; "I'll", "don't" are not names at all.
                    return contraction ? nil : (position, true)
                }
                position += length
            } else {
                break
            }
        }
        guard position - start <= 40 else { return nil }
        return (position, false)
    }

    /// After an apostrophe: true for a contraction (`'ll`, `'m`, `'re`, `'ve`,
    /// `'d`, `'t`), false for a possessive `'s`, nil for neither (`O'Brien`).
    private func contraction(_ input: ScanInput, after position: Int) -> Bool? {
        let end = input.letterRunEnd(from: position)
        guard !input.byte(at: end).isASCIIAlnum, input.byte(at: end) < 0x80 else { return nil }
        switch end - position {
        case 1:
            switch input[position] | 0x20 {
            case 0x73: return false  // s
            case 0x6D, 0x64, 0x74: return true  // m d t
            default: return nil
            }
        case 2:
            let pair = (input[position] | 0x20, input[position + 1] | 0x20)
            if pair == (0x6C, 0x6C) || pair == (0x72, 0x65) || pair == (0x76, 0x65) { return true }  // ll re ve
            return nil
        default:
            return nil
        }
    }

    enum Shape {
        case capitalised, lowercase, allCapitals
        /// One capital letter ("J" in "J. Smith").
        case initial
    }

    static func shape(_ input: ScanInput, _ start: Int, _ end: Int) -> Shape {
        let first = input[start]
        if end - start == 1 { return first.isASCIIUpper ? .initial : .lowercase }
        let capitalised: Bool
        if first < 0x80 {
            capitalised = first.isASCIIUpper
        } else {
            capitalised = input.scalar(at: start).map { $0.scalar.properties.isUppercase } ?? false
        }
        guard capitalised else { return .lowercase }
        var uppercase = 0
        var lowercase = 0
        for index in start..<end {
            let byte = input[index]
            if byte.isASCIIUpper { uppercase += 1 } else if byte.isASCIILower { lowercase += 1 }
        }
        return lowercase == 0 && uppercase >= 2 ? .allCapitals : .capitalised
    }

    @inline(__always) static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return UInt8(scalar.value).isASCIILetter }
        return scalar.properties.isAlphabetic
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
