/// Finds cue phrases ("my name is", "date of birth", "d.o.b") case-insensitively
/// at word starts in one pass. In a phrase a space matches one or more blanks and
/// an apostrophe matches `'` or `’`.
struct PhraseMatcher: Sendable {
    struct Match {
        let phrase: Int
        let start: Int
        let end: Int
    }

    private let phrases: [[UInt8]]
    private let index: LetterPairIndex

    init(_ phrases: [String]) {
        let compiled = phrases.map { Array($0.lowercased().utf8) }
        self.phrases = compiled
        self.index = LetterPairIndex(words: compiled)
    }

    /// Calls `body` for the longest phrase at each word start, left to right.
    func forEachMatch(in input: ScanInput, _ body: (Match) -> Void) {
        var resumeAt = 0
        input.forEachWord { start, _ in
            guard start >= resumeAt, input[start].isASCIILetter else { return }
            if let best = longestMatch(at: start, in: input) {
                body(best)
                resumeAt = best.end
            }
        }
    }

    /// The longest phrase starting exactly at `start`.
    func longestMatch(at start: Int, in input: ScanInput) -> Match? {
        var best: Match?
        index.forEach(first: input[start], second: input.byte(at: start + 1)) { phraseIndex in
            if let end = match(phrases[phraseIndex], at: start, in: input), end > (best?.end ?? 0) {
                best = Match(phrase: phraseIndex, start: start, end: end)
            }
        }
        return best
    }

    private func match(_ phrase: [UInt8], at start: Int, in input: ScanInput) -> Int? {
        var position = start
        for expected in phrase {
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
        if let last = phrase.last, last.isASCIILetter, !input.isWordEnd(position) { return nil }
        return position
    }
}
