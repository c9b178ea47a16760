/// Turns an utterance into hashed word and character n-gram features.
///
/// Word n-grams run over the token sequence; character n-grams run inside each
/// token padded with a space on both sides, so `card` yields ` c`, `ca`, …,
/// `d `. Placeholder tokens contribute only a word feature: their letters say
/// nothing about the customer's words.
struct FeatureExtractor: Sendable {
    static let wordNamespace: UInt8 = 1
    static let charNamespace: UInt8 = 2
    private static let space: UInt32 = 0x20
    /// Beyond the last Unicode scalar, so no text can produce them.
    private static let startMarker: UInt32 = 0x11_0000
    private static let endMarker: UInt32 = 0x11_0001

    let configuration: FeatureConfiguration
    let tokenizer = Tokenizer()

    /// Hashes with repetitions (a feature occurring twice appears twice).
    func features(of text: String) -> (words: [UInt64], chars: [UInt64]) {
        var scratch = FeatureScratch()
        features(of: text, into: &scratch)
        return (scratch.words, scratch.chars)
    }

    /// Fills `scratch.words` and `scratch.chars`, reusing their storage.
    func features(of text: String, into scratch: inout FeatureScratch) {
        tokenizer.scan(text, into: &scratch.tokens)
        scratch.words.removeAll(keepingCapacity: true)
        scratch.chars.removeAll(keepingCapacity: true)
        let tokens = scratch.tokens
        let scalars = tokens.scalars
        let tokenCount = tokens.count

        // With boundary markers the sequence is <s> tokens… </s>, virtual
        // positions -1 and tokenCount; n-grams made of a marker alone are skipped.
        let markers = configuration.boundaryMarkers && tokenCount > 0
        let first = markers ? -1 : 0
        let last = markers ? tokenCount : tokenCount - 1
        for length in configuration.wordNGramMin...configuration.wordNGramMax where length <= last - first + 1 {
            for start in first...(last - length + 1) {
                let end = start + length - 1
                if start < 0 || end >= tokenCount, length < 2 { continue }
                var hasher = FeatureHasher(namespace: Self.wordNamespace)
                hasher.mix(UInt32(length))
                for index in start...end {
                    if index > start { hasher.mix(Self.space) }
                    if index < 0 {
                        hasher.mix(Self.startMarker)
                    } else if index >= tokenCount {
                        hasher.mix(Self.endMarker)
                    } else {
                        for position in tokens.range(of: index) { hasher.mix(scalars[position]) }
                    }
                }
                scratch.words.append(hasher.value)
            }
        }

        // Every n-gram starting at one position is a prefix of the longest, so
        // one FNV-1a pass per start yields all lengths.
        let minimum = configuration.charNGramMin
        let maximum = configuration.charNGramMax
        let base = FeatureHasher(namespace: Self.charNamespace)
        for token in 0..<tokenCount where tokens.kinds[token] != .placeholder {
            let range = tokens.range(of: token)
            let paddedCount = range.count + 2
            func padded(_ position: Int) -> UInt32 {
                position == 0 || position == paddedCount - 1 ? Self.space : scalars[range.lowerBound + position - 1]
            }
            for start in 0..<paddedCount {
                let longest = min(maximum, paddedCount - start)
                guard longest >= minimum else { break }
                var hasher = base
                for length in 1...longest {
                    hasher.mix(padded(start + length - 1))
                    if length >= minimum { scratch.chars.append(hasher.value) }
                }
            }
        }
    }
}

/// Reusable buffers for ``FeatureExtractor``.
struct FeatureScratch {
    var tokens = TokenBuffer()
    var words: [UInt64] = []
    var chars: [UInt64] = []
    var counter = ColumnCounter()
}
