/// Adjusts candidate scores from the words around them, in the manner of
/// Presidio's context-aware enhancer: a keyword for the candidate's own type among
/// the preceding words raises the score by `boost` with a floor of
/// `minimumWithContext`; a negative word right before it (order, tracking,
/// version…) lowers it; a keyword of another type lowers a number slightly,
/// unless its own type's keyword is in the window too. A dotted quad next to a
/// version marker ("updated to 7.3.2.45", "the 7.3.2.45 release") is taken for a
/// version, not an IP address (`ContextScorer+Version`); a phone-shaped number
/// that validates as an NHS number or SSN near that type's keyword is taken for
/// it (`ContextScorer+OtherNumber`).
struct ContextScorer: Sendable {
    static let boost = 0.35
    static let minimumWithContext = 0.4
    static let negativeFactor = 0.3
    static let competingFactor = 0.8
    /// Words examined before the match, not counting fillers ("the", "my", "is").
    static let prefixWords = 5
    /// Words examined after the match (own-type keywords only), not counting fillers.
    static let suffixWords = 3
    /// Fillers skipped on each side beyond those counts.
    static let fillerAllowance = 3
    /// A keyword from the previous sentence counts when at most this many other
    /// words stand between ("NHS number? It's …").
    static let wordsAcrossSentence = 2
    /// Bytes examined on either side, so pathological text stays linear.
    static let byteWindow = 96

    /// Types whose values are mostly digits and so can be mistaken for each other;
    /// only among these does another type's keyword lower a score.
    private static let numericTypes: UInt32 = [PIIEntityType.phone, .creditCard, .usSSN, .ukNHS, .postcode, .iban]
        .reduce(0) { $0 | 1 << UInt32($1.index) }

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        static let negative = Flags(rawValue: 1)
        static let filler = Flags(rawValue: 2)
        static let version = Flags(rawValue: 4)
        static let prefixMatch = Flags(rawValue: 8)
        /// Transparent between a version marker and its number ("updated to …").
        static let bridge = Flags(rawValue: 16)
    }

    /// One vocabulary word, found by `lookup`.
    struct Entry {
        let types: UInt32
        let flags: Flags
    }

    private let words: FlatWords
    private let types: [UInt32]
    private let flags: [Flags]
    private let index: LetterPairIndex

    init() {
        var merged: [String: (types: UInt32, flags: Flags)] = [:]
        for (type, words) in ContextVocabulary.positive {
            for word in words { merged[word, default: (0, [])].types |= 1 << UInt32(type.index) }
        }
        for word in ContextVocabulary.negative { merged[word, default: (0, [])].flags.insert(.negative) }
        for word in ContextVocabulary.filler { merged[word, default: (0, [])].flags.insert(.filler) }
        for word in ContextVocabulary.versionMarkers { merged[word, default: (0, [])].flags.insert(.version) }
        for word in ContextVocabulary.filler + ContextVocabulary.versionBridges {
            merged[word, default: (0, [])].flags.insert(.bridge)
        }
        let sorted = merged.sorted { $0.key < $1.key }
        let bytes = sorted.map { Array($0.key.utf8) }
        self.words = FlatWords(bytes)
        self.types = sorted.map(\.value.types)
        self.flags = zip(sorted, bytes).map { entry, word in
            word.count >= 4 ? entry.value.flags.union(.prefixMatch) : entry.value.flags
        }
        self.index = LetterPairIndex(words: bytes)
    }

    /// The score of `candidate` after looking at its context.
    func score(_ candidate: Candidate, in input: ScanInput) -> Double {
        if candidate.type == .ipAddress, hasVersionMarker(candidate, in: input) {
            return candidate.score * Self.negativeFactor
        }
        var score: Double
        switch evidence(for: candidate, in: input) {
        case .own: score = boosted(candidate.score)
        case .negative: return candidate.score * Self.negativeFactor
        case .competing: score = candidate.score * Self.competingFactor
        case .none: score = candidate.score
        }
        if candidate.type == .phone, isAlsoAnotherNumberInContext(candidate, in: input) {
            score *= Self.competingFactor
        }
        return score
    }

    private enum Evidence {
        case own, negative, competing, none
    }

    /// Looks back up to `prefixWords` words (fillers aside) and ahead up to
    /// `suffixWords`. A keyword of the candidate's own type wins wherever it is
    /// in the window; a negative word counts right before the value; another
    /// numeric type's keyword close before it makes a number doubtful.
    private func evidence(for candidate: Candidate, in input: ScanInput) -> Evidence {
        let ownBit: UInt32 = 1 << UInt32(candidate.type.index)
        var wordEnd = candidate.start
        var significant = 0
        var crossedSentence = false
        var competed = false
        let limit = max(0, candidate.start - Self.byteWindow)
        for _ in 0..<Self.prefixWords + Self.fillerAllowance {
            guard significant < Self.prefixWords,
                  let (start, end, boundary) = previousWord(
                      before: wordEnd, limit: limit, in: input, crossingLabelLine: wordEnd == candidate.start)
            else { break }
            wordEnd = start
            crossedSentence = crossedSentence || boundary
            guard let entry = lookup(start, end, in: input) else {
                significant += 1
                continue
            }
            if entry.flags.contains(.filler), entry.types == 0 { continue }
            // A keyword for this type counts even from the previous sentence
            // ("NHS number? It's …") if it is close; negative and competing words do not.
            if entry.types & ownBit != 0, !crossedSentence || significant <= Self.wordsAcrossSentence { return .own }
            if crossedSentence { break }
            if entry.flags.contains(.negative), significant == 0 { return .negative }
            if significant < 2, entry.types & Self.numericTypes != 0, ownBit & Self.numericTypes != 0,
               Self.isNumber(candidate, in: input)
            {
                competed = true
            }
            significant += 1
        }
        var wordStart = candidate.end
        var suffixSignificant = 0
        let suffixLimit = min(input.count, candidate.end + Self.byteWindow)
        for _ in 0..<Self.suffixWords + Self.fillerAllowance {
            guard suffixSignificant < Self.suffixWords,
                  let (start, end) = nextWord(from: wordStart, limit: suffixLimit, in: input)
            else { break }
            wordStart = end
            let entry = lookup(start, end, in: input)
            if let entry, entry.types & ownBit != 0 { return .own }
            if entry?.flags.contains(.filler) != true { suffixSignificant += 1 }
        }
        return competed ? .competing : .none
    }

    /// True when the candidate is digits and separators only: another type's
    /// keyword can make a number doubtful, not a UK postcode or an IBAN.
    private static func isNumber(_ candidate: Candidate, in input: ScanInput) -> Bool {
        for position in candidate.start..<candidate.end where input[position].isASCIILetter { return false }
        return true
    }

    private func boosted(_ score: Double) -> Double {
        min(1, max(score + Self.boost, Self.minimumWithContext))
    }

    func lookup(_ start: Int, _ end: Int, in input: ScanInput) -> Entry? {
        let length = end - start
        let found = index.first(first: input[start], second: input.byte(at: start + 1)) { entryIndex in
            let count = words.length(entryIndex)
            return (count == length || (flags[entryIndex].contains(.prefixMatch) && count < length))
                && words.matchesIgnoringCase(entryIndex, input, at: start)
        }
        return found.map { Entry(types: types[$0], flags: flags[$0]) }
    }

    /// The ASCII letter run before `end` (not crossing a newline or `limit`), and
    /// whether a sentence end lies between it and `end`. With `crossingLabelLine`
    /// one newline is crossed when a colon ends the line before it, the layout
    /// of a label over its value ("SOL address:⏎<value>").
    func previousWord(
        before end: Int, limit: Int, in input: ScanInput, crossingLabelLine: Bool = false
    ) -> (Int, Int, Bool)? {
        var position = end - 1
        var boundary = false
        var mayCrossLine = crossingLabelLine
        while position >= limit, !input[position].isASCIILetter {
            if input[position] == 0x0A {
                guard mayCrossLine, Self.colonEndsLine(before: position, limit: limit, in: input) else { return nil }
                mayCrossLine = false
                position -= 1
                continue
            }
            boundary = boundary || Self.endsSentence(at: position, in: input)
            position -= 1
        }
        guard position >= limit else { return nil }
        let wordEnd = position + 1
        while position >= limit, input[position].isASCIILetter { position -= 1 }
        return (position + 1, wordEnd, boundary)
    }

    /// True when the last byte before the newline at `newline`, blanks and a
    /// carriage return aside, is a colon.
    private static func colonEndsLine(before newline: Int, limit: Int, in input: ScanInput) -> Bool {
        var position = newline - 1
        while position >= limit, input[position] == 0x20 || input[position] == 0x09 || input[position] == 0x0D {
            position -= 1
        }
        return position >= limit && input[position] == 0x3A
    }

    /// `!`, `?`, `;` or a newline, or a full stop followed by a space and a
    /// capital letter ("… policy. Also …", but not "NHS no. 943 …").
    private static func endsSentence(at position: Int, in input: ScanInput) -> Bool {
        switch input[position] {
        case 0x21, 0x3F, 0x3B, 0x0A: return true
        case 0x2E: return input.byte(at: position + 1) == 0x20 && input.byte(at: position + 2).isASCIIUpper
        default: return false
        }
    }

    func nextWord(from start: Int, limit: Int, in input: ScanInput) -> (Int, Int)? {
        var position = start
        while position < limit, !input[position].isASCIILetter {
            if Self.endsSentence(at: position, in: input) { return nil }
            position += 1
        }
        guard position < limit else { return nil }
        let wordStart = position
        while position < limit, input[position].isASCIILetter { position += 1 }
        return (wordStart, position)
    }
}
