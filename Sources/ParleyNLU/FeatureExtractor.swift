/// Turns an utterance into hashed word and character n-gram features.
///
/// Word n-grams run over the token sequence; character n-grams run inside each
/// token padded with a space on both sides, so `card` yields ` c`, `ca`, …,
/// `d `. Placeholder tokens contribute only a word feature: their letters say
/// nothing about the customer's words.
struct FeatureExtractor: Sendable {
    static let wordNamespace: UInt8 = 1
    static let charNamespace: UInt8 = 2

    let configuration: FeatureConfiguration
    let tokenizer = Tokenizer()

    /// Hashes with repetitions (a feature occurring twice appears twice).
    func features(of text: String) -> (words: [UInt64], chars: [UInt64]) {
        let tokens = tokenizer.tokenize(text)
        var words: [UInt64] = []
        var chars: [UInt64] = []
        words.reserveCapacity(tokens.count * 2)
        chars.reserveCapacity(tokens.count * 16)
        let tokenScalars = tokens.map { Array($0.text.unicodeScalars) }

        for length in configuration.wordNGramMin...configuration.wordNGramMax where length <= tokens.count {
            for start in 0...(tokens.count - length) {
                var hasher = FeatureHasher(namespace: Self.wordNamespace)
                hasher.mix(UInt32(length))
                for offset in 0..<length {
                    if offset > 0 { hasher.mix(" ") }
                    for scalar in tokenScalars[start + offset] { hasher.mix(scalar) }
                }
                words.append(hasher.value)
            }
        }

        let padding: Unicode.Scalar = " "
        for (token, scalars) in zip(tokens, tokenScalars) where token.kind != .placeholder {
            let padded = [padding] + scalars + [padding]
            for length in configuration.charNGramMin...configuration.charNGramMax where length <= padded.count {
                for start in 0...(padded.count - length) {
                    var hasher = FeatureHasher(namespace: Self.charNamespace)
                    for scalar in padded[start..<(start + length)] { hasher.mix(scalar) }
                    chars.append(hasher.value)
                }
            }
        }
        return (words, chars)
    }
}
