/// The lexicon kinds of a text's tokens, each looked up at most once: the
/// tagger asks for a token's lists when it scores it and again as the
/// neighbour of the tokens either side, and a lookup in the lexicon table (the
/// size of the name and place lists) is a likely cache miss. Without a cache
/// (training) every question is a lookup.
struct TokenKinds {
    /// Marks a token not looked up yet (a `Kind` uses the low four bits only).
    static let unknown: UInt8 = 0xFF

    let lexicons: NameLexicons
    let tokens: UnsafeBufferPointer<NERToken>
    /// One byte per token, `unknown` until looked up; nil: no cache.
    let cache: UnsafeMutablePointer<UInt8>?

    @inline(__always) func callAsFunction(_ index: Int) -> NameLexicons.Kind {
        guard let cache else { return lexicons.kind(of: tokens[index].hash) }
        let cached = cache[index]
        if cached != Self.unknown { return NameLexicons.Kind(rawValue: cached) }
        let kind = lexicons.kind(of: tokens[index].hash)
        cache[index] = kind.rawValue
        return kind
    }
}
