/// An entity found in an utterance.
public struct Entity: Sendable, Hashable, Codable {
    public let entity: String
    /// Canonical value: a synonym's target, a regex's first capture group, a normalised amount or date.
    public let value: String
    /// Unicode scalar offsets into the text that was parsed.
    public let start: Int
    public let end: Int
    /// Which extractor found it: `regex`, `lookup` or `builtin`.
    public let extractor: String

    public init(entity: String, value: String, start: Int, end: Int, extractor: String) {
        self.entity = entity
        self.value = value
        self.start = start
        self.end = end
        self.extractor = extractor
    }
}
