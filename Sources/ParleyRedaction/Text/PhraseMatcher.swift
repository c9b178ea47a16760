/// Finds cue phrases ("my name is", "date of birth", "d.o.b") case-insensitively
/// at word starts in one pass. In a phrase a space matches one or more blanks and
/// an apostrophe matches `'` or `’`.
///
/// Phrases are filed by their first two letters and the length of their first
/// word, so a word is compared only with phrases whose first word is as long.
///
/// A final class of immutable tables: detectors holding one are copied into
/// closures on every call, and a class reference costs one retain where a struct
/// of arrays costs one per array.
final class PhraseMatcher: Sendable {
    struct Match {
        let phrase: Int
        let start: Int
        let end: Int
    }

    private let phrases: FlatWords
    private let index: LetterPairIndex
    /// Per phrase, the first letter of its second word (0 when the first word is
    /// not followed by a space): a one-byte check before comparing the rest.
    private let secondWordLetters: [UInt8]

    init(_ phrases: [String]) {
        let compiled = phrases.map { Array($0.lowercased().utf8) }
        self.phrases = FlatWords(compiled)
        let firstWordLengths = compiled.map { phrase in phrase.prefix { $0.isASCIILetter }.count }
        self.index = LetterPairIndex(words: compiled, lengths: firstWordLengths)
        self.secondWordLetters = zip(compiled, firstWordLengths).map { phrase, length in
            length + 1 < phrase.count && phrase[length] == 0x20 && phrase[length + 1].isASCIILetter ? phrase[length + 1] : 0
        }
    }

    /// Calls `body` for the longest phrase at each word start, left to right.
    func forEachMatch(in input: ScanInput, _ body: (Match) -> Void) {
        var resumeAt = 0
        for word in input.words where word.start >= resumeAt {
            guard let best = longestMatch(startingWith: word, in: input) else { continue }
            body(best)
            resumeAt = best.end
        }
    }

    /// The longest phrase whose first word is `word`, for callers that walk the
    /// words themselves.
    @inline(__always) func longestMatch(startingWith word: TextWord, in input: ScanInput) -> Match? {
        let start = word.start
        // A phrase's first word is letters followed by a non-alphanumeric byte
        // (or the phrase's end, which must end the word), so it can only match a
        // word of exactly its length.
        guard index.mayContain(first: input[start], second: input.byte(at: start + 1), length: word.end - start)
        else { return nil }
        return longestMatch(at: start, firstWordEnd: word.end, in: input)
    }

    /// The longest phrase starting exactly at `start`.
    func longestMatch(at start: Int, in input: ScanInput) -> Match? {
        longestMatch(at: start, firstWordEnd: input.letterRunEnd(from: start), in: input)
    }

    private func longestMatch(at start: Int, firstWordEnd: Int, in input: ScanInput) -> Match? {
        var best: Match?
        let firstWordLength = firstWordEnd - start
        let afterFirstWord = input.byte(at: firstWordEnd)
        let secondWordLetter = afterFirstWord == 0x20 || afterFirstWord == 0x09
            ? input.byte(at: input.skipBlanks(from: firstWordEnd)).asciiLowercased : 0
        index.forEach(first: input[start], second: input.byte(at: start + 1), length: firstWordLength) { phraseIndex in
            let expected = secondWordLetters[phraseIndex]
            if expected != 0, expected != secondWordLetter { return }
            if let end = match(phraseIndex, at: start, known: min(firstWordLength, 2), in: input), end > (best?.end ?? 0) {
                best = Match(phrase: phraseIndex, start: start, end: end)
            }
        }
        return best
    }

    /// The end of `phrase` at `start`, whose first `known` bytes are already
    /// known to match (they chose the bucket).
    private func match(_ phrase: Int, at start: Int, known: Int, in input: ScanInput) -> Int? {
        var position = start + known
        let length = phrases.length(phrase)
        for offset in known..<length {
            let expected = phrases.byte(phrase, offset)
            switch expected {
            case 0x20:
                guard input.byte(at: position) == 0x20 || input.byte(at: position) == 0x09 else { return nil }
                position = input.skipBlanks(from: position)
            case 0x27:
                if input.byte(at: position) == 0x27 {
                    position += 1
                } else if input.byte(at: position) == 0xE2, input.byte(at: position + 1) == 0x80,
                          input.byte(at: position + 2) == 0x99
                {
                    position += 3
                } else {
                    return nil
                }
            default:
                guard input.byte(at: position).asciiLowercased == expected else { return nil }
                position += 1
            }
        }
        if phrases.byte(phrase, length - 1).isASCIILetter, !input.isWordEnd(position) { return nil }
        return position
    }
}
