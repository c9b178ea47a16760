/// Adjusts candidate scores from the words around them, in the manner of
/// Presidio's context-aware enhancer: a keyword for the candidate's own type among
/// the preceding words raises the score by `boost` with a floor of
/// `minimumWithContext`; a negative word right before it (order, tracking,
/// version…) lowers it; a keyword of another type lowers it slightly.
struct ContextScorer: Sendable {
    static let boost = 0.35
    static let minimumWithContext = 0.4
    static let negativeFactor = 0.3
    static let competingFactor = 0.8
    /// Words examined before the match.
    static let prefixWords = 5
    /// Words examined after the match (own-type keywords only).
    static let suffixWords = 3
    /// Bytes examined on either side, so pathological text stays linear.
    static let byteWindow = 96

    /// Types whose values are mostly digits and so can be mistaken for each other;
    /// only among these does another type's keyword lower a score.
    private static let numericTypes: UInt32 = [PIIEntityType.phone, .creditCard, .usSSN, .ukNHS, .postcode, .iban]
        .reduce(0) { $0 | 1 << UInt32($1.index) }

    private struct Entry: Sendable {
        let word: [UInt8]
        let prefixMatch: Bool
        let types: UInt32
        let negative: Bool
        let filler: Bool
    }

    private let entries: [Entry]
    private let index: LetterPairIndex

    init() {
        var merged: [String: (types: UInt32, negative: Bool, filler: Bool)] = [:]
        for (type, words) in ContextVocabulary.positive {
            for word in words { merged[word, default: (0, false, false)].types |= 1 << UInt32(type.index) }
        }
        for word in ContextVocabulary.negative { merged[word, default: (0, false, false)].negative = true }
        for word in ContextVocabulary.filler { merged[word, default: (0, false, false)].filler = true }
        var entries: [Entry] = []
        for (word, flags) in merged.sorted(by: { $0.key < $1.key }) {
            let bytes = Array(word.utf8)
            entries.append(
                Entry(word: bytes, prefixMatch: bytes.count >= 4, types: flags.types,
                      negative: flags.negative, filler: flags.filler))
        }
        self.entries = entries
        self.index = LetterPairIndex(words: entries.map(\.word))
    }

    /// The score of `candidate` after looking at its context.
    func score(_ candidate: Candidate, in input: ScanInput) -> Double {
        let ownBit: UInt32 = 1 << UInt32(candidate.type.index)
        var wordEnd = candidate.start
        var significant = 0
        var crossedSentence = false
        let limit = max(0, candidate.start - Self.byteWindow)
        for _ in 0..<Self.prefixWords {
            guard let (start, end, boundary) = previousWord(before: wordEnd, limit: limit, in: input) else { break }
            wordEnd = start
            crossedSentence = crossedSentence || boundary
            guard let entry = lookup(start, end, in: input) else {
                significant += 1
                continue
            }
            if entry.filler, entry.types == 0 { continue }
            // A keyword for this type counts even from the previous sentence
            // ("NHS number? It's …"); negative and competing words do not.
            if entry.types & ownBit != 0 { return boosted(candidate.score) }
            if crossedSentence { break }
            if entry.negative, significant == 0 { return candidate.score * Self.negativeFactor }
            if significant < 2, entry.types & Self.numericTypes != 0, ownBit & Self.numericTypes != 0 {
                return candidate.score * Self.competingFactor
            }
            significant += 1
        }
        var wordStart = candidate.end
        let suffixLimit = min(input.count, candidate.end + Self.byteWindow)
        for _ in 0..<Self.suffixWords {
            guard let (start, end) = nextWord(from: wordStart, limit: suffixLimit, in: input) else { break }
            wordStart = end
            if let entry = lookup(start, end, in: input), entry.types & ownBit != 0 {
                return boosted(candidate.score)
            }
        }
        return candidate.score
    }

    private func boosted(_ score: Double) -> Double {
        min(1, max(score + Self.boost, Self.minimumWithContext))
    }

    private func lookup(_ start: Int, _ end: Int, in input: ScanInput) -> Entry? {
        let length = end - start
        var found: Entry?
        index.forEach(first: input[start], second: input.byte(at: start + 1)) { entryIndex in
            guard found == nil else { return }
            let entry = entries[entryIndex]
            let count = entry.word.count
            guard count == length || (entry.prefixMatch && count < length) else { return }
            for offset in 0..<count where input[start + offset].asciiLowercased != entry.word[offset] { return }
            found = entry
        }
        return found
    }

    /// The ASCII letter run before `end` (not crossing a newline or `limit`), and
    /// whether a sentence end lies between it and `end`.
    private func previousWord(before end: Int, limit: Int, in input: ScanInput) -> (Int, Int, Bool)? {
        var position = end - 1
        var boundary = false
        while position >= limit, !input[position].isASCIILetter {
            if input[position] == 0x0A { return nil }
            boundary = boundary || Self.endsSentence(at: position, in: input)
            position -= 1
        }
        guard position >= limit else { return nil }
        let wordEnd = position + 1
        while position >= limit, input[position].isASCIILetter { position -= 1 }
        return (position + 1, wordEnd, boundary)
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

    private func nextWord(from start: Int, limit: Int, in input: ScanInput) -> (Int, Int)? {
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
