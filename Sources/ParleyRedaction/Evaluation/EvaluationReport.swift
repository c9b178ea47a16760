/// The result of `RedactionEvaluator`: metrics per type and micro-averaged.
public struct EvaluationReport: Codable, Sendable, Hashable {
    public var records: Int
    /// Records with no gold span (negative examples).
    public var negativeRecords: Int
    public var perType: [PIIEntityType: EntityMetrics]
    public var micro: EntityMetrics

    public init(records: Int, negativeRecords: Int, perType: [PIIEntityType: EntityMetrics], micro: EntityMetrics) {
        self.records = records
        self.negativeRecords = negativeRecords
        self.perType = perType
        self.micro = micro
    }

    public func metrics(for type: PIIEntityType) -> EntityMetrics {
        perType[type] ?? EntityMetrics()
    }
}
