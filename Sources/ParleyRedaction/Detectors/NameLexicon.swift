/// `GivenNames` compiled once for byte-level lookup: a name word is `known`,
/// `ambiguous` (also an ordinary word: "Will", "May") or `unknown`. A final class
/// of immutable tables, so holders copy one reference (see `PhraseMatcher`).
final class NameLexicon: Sendable {
    enum Kind: UInt8, Sendable {
        case unknown, known, ambiguous
    }

    private let words: FlatWords
    private let kinds: [Kind]
    private let index: LetterPairIndex
    private let nonASCII: FlatWords
    private let surnames: ByteWordSet

    init(known: [String] = GivenNames.common, ambiguous: [String] = GivenNames.ambiguous,
         nonASCIIInitial: [String] = GivenNames.nonASCIIInitial, surnames: [String] = Surnames.all)
    {
        self.surnames = ByteWordSet(surnames)
        var merged: [String: Kind] = [:]
        for word in known { merged[word.lowercased()] = .known }
        for word in ambiguous { merged[word.lowercased()] = .ambiguous }
        let sorted = merged.sorted { $0.key < $1.key }
        let bytes = sorted.map { Array($0.key.utf8) }
        self.words = FlatWords(bytes)
        self.kinds = sorted.map(\.value)
        self.index = LetterPairIndex(words: bytes)
        self.nonASCII = FlatWords(nonASCIIInitial.map { Array($0.utf8) })
    }

    /// The kind of the name word at `start..<end`. Only the part before a hyphen
    /// is looked up ("Jean-Luc" as "Jean"); ASCII case is ignored.
    func kind(_ input: ScanInput, _ start: Int, _ end: Int) -> Kind {
        var wordEnd = start
        while wordEnd < end, input[wordEnd] != 0x2D { wordEnd += 1 }
        let length = wordEnd - start
        guard length >= 2 else { return .unknown }
        if input[start] >= 0x80 {
            for word in 0..<nonASCII.count where nonASCII.length(word) == length {
                if nonASCII.matchesExactly(word, input, at: start) { return .known }
            }
            return .unknown
        }
        let second = input[start + 1]
        guard index.mayContain(first: input[start], second: second, length: length) else { return .unknown }
        // Every filed word's kind is `.known` or `.ambiguous`: the first match decides.
        let found = index.first(first: input[start], second: second, length: length) { position in
            words.matchesIgnoringCase(position, input, at: start)
        }
        return found.map { kinds[$0] } ?? .unknown
    }

    /// True when the word at `start..<end` is a common surname (`Surnames`).
    func isSurname(_ input: ScanInput, _ start: Int, _ end: Int) -> Bool {
        end - start >= 2 && surnames.contains(input, start, end)
    }
}
