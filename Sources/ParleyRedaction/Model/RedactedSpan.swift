/// A span that was redacted: where it was in the original text, where its
/// replacement is in the redacted text, and how it was replaced.
///
/// All offsets are Unicode scalar offsets, `end` exclusive. Never carries the value.
public struct RedactedSpan: Sendable, Hashable {
    public let type: PIIEntityType
    public let originalStart: Int
    public let originalEnd: Int
    public let redactedStart: Int
    public let redactedEnd: Int
    public let operatorKind: RedactionOperator.Kind
    public let score: Double
    public let detector: String

    public init(
        type: PIIEntityType, originalStart: Int, originalEnd: Int,
        redactedStart: Int, redactedEnd: Int, operatorKind: RedactionOperator.Kind,
        score: Double, detector: String
    ) {
        self.type = type
        self.originalStart = originalStart
        self.originalEnd = originalEnd
        self.redactedStart = redactedStart
        self.redactedEnd = redactedEnd
        self.operatorKind = operatorKind
        self.score = score
        self.detector = detector
    }
}

extension RedactedSpan: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        "RedactedSpan(\(type.rawValue), original: \(originalStart)..<\(originalEnd), "
            + "redacted: \(redactedStart)..<\(redactedEnd), operator: \(operatorKind.rawValue), "
            + "score: \(ScoreFormat.twoDecimals(score)), detector: \(detector))"
    }

    public var debugDescription: String { description }
}
