/// A small set of lowercase words matched against text bytes ignoring ASCII case.
/// A final class of immutable tables, so holders copy one reference (see
/// `PhraseMatcher`).
final class ByteWordSet: Sendable {
    private let words: FlatWords
    private let index: LetterPairIndex

    init(_ words: [String]) {
        let bytes = words.map { Array($0.lowercased().utf8) }
        self.words = FlatWords(bytes)
        self.index = LetterPairIndex(words: bytes)
    }

    func contains(_ input: ScanInput, _ start: Int, _ end: Int) -> Bool {
        index.first(first: input[start], second: input.byte(at: start + 1), length: end - start) { position in
            words.matchesIgnoringCase(position, input, at: start)
        } != nil
    }
}
