/// One detected piece of personal data in the original text.
///
/// `start` and `end` (exclusive) are Unicode scalar offsets, the same convention as
/// Python string indices (Rasa, Presidio). `range` is the same span as String indices.
/// The description never contains the matched text.
public struct PIISpan: Sendable, Hashable {
    public let type: PIIEntityType
    public let start: Int
    public let end: Int
    public let range: Range<String.Index>
    /// Confidence in 0…1 after context enhancement.
    public let score: Double
    /// Name of the detector that produced the span, e.g. `"credit-card"`.
    public let detector: String

    public init(
        type: PIIEntityType, start: Int, end: Int, range: Range<String.Index>,
        score: Double, detector: String
    ) {
        self.type = type
        self.start = start
        self.end = end
        self.range = range
        self.score = score
        self.detector = detector
    }

    /// Length of the span in Unicode scalars.
    public var length: Int { end - start }
}

extension PIISpan: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        "PIISpan(\(type.rawValue), \(start)..<\(end), score: \(ScoreFormat.twoDecimals(score)), detector: \(detector))"
    }

    public var debugDescription: String { description }
}
