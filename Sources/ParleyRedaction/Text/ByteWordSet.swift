/// A small set of lowercase words matched against text bytes ignoring ASCII case.
struct ByteWordSet: Sendable {
    private let words: [[UInt8]]
    private let index: LetterPairIndex

    init(_ words: [String]) {
        self.words = words.map { Array($0.utf8) }
        self.index = LetterPairIndex(words: self.words)
    }

    func contains(_ input: ScanInput, _ start: Int, _ end: Int) -> Bool {
        var found = false
        index.forEach(first: input[start], second: input.byte(at: start + 1)) { position in
            let word = words[position]
            if !found, word.count == end - start, input.matchesIgnoringCase(word, at: start) { found = true }
        }
        return found
    }
}
