/// A word of an utterance, lowercased, with its position in Unicode scalars of
/// the original text.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Letters (and marks, apostrophes inside a word).
        case word
        /// A run of digits; its text is normalised to `0` per digit so that
        /// order numbers and amounts share features.
        case number
        /// A redaction placeholder such as `[EMAIL]`, kept whole.
        case placeholder
    }

    public let text: String
    public let kind: Kind
    /// Unicode scalar offset of the first scalar in the original text.
    public let start: Int
    /// Unicode scalar offset one past the last scalar.
    public let end: Int
}
