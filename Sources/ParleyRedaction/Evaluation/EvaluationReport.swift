/// The result of `RedactionEvaluator`: metrics per type and micro-averaged,
/// with exact spans (`perType`, `micro`) and with overlaps of at least half the
/// longer span (`overlapPerType`, `overlapMicro`) side by side, and the
/// confusion between types.
public struct EvaluationReport: Codable, Sendable, Hashable {
    public var records: Int
    /// Records with no gold span (negative examples).
    public var negativeRecords: Int
    public var scheme: EvaluationScheme
    public var perType: [PIIEntityType: EntityMetrics]
    public var micro: EntityMetrics
    public var overlapPerType: [PIIEntityType: EntityMetrics]
    public var overlapMicro: EntityMetrics
    /// Micro averages over `EvaluationScheme.patternTypes` (exact and overlap).
    public var patternMicro: EntityMetrics
    public var patternOverlapMicro: EntityMetrics
    /// Gold type → predicted type → count, by overlap of at least half the
    /// longer span; `"none"` as predicted type counts gold spans nothing
    /// overlapped, `"none"` as gold type predictions that overlap no gold span.
    public var confusion: [String: [String: Int]]

    public init(
        records: Int, negativeRecords: Int, perType: [PIIEntityType: EntityMetrics], micro: EntityMetrics,
        scheme: EvaluationScheme = .product, overlapPerType: [PIIEntityType: EntityMetrics] = [:],
        overlapMicro: EntityMetrics = EntityMetrics(), patternMicro: EntityMetrics = EntityMetrics(),
        patternOverlapMicro: EntityMetrics = EntityMetrics(), confusion: [String: [String: Int]] = [:]
    ) {
        self.records = records
        self.negativeRecords = negativeRecords
        self.scheme = scheme
        self.perType = perType
        self.micro = micro
        self.overlapPerType = overlapPerType
        self.overlapMicro = overlapMicro
        self.patternMicro = patternMicro
        self.patternOverlapMicro = patternOverlapMicro
        self.confusion = confusion
    }

    public func metrics(for type: PIIEntityType) -> EntityMetrics {
        perType[type] ?? EntityMetrics()
    }

    public func overlapMetrics(for type: PIIEntityType) -> EntityMetrics {
        overlapPerType[type] ?? EntityMetrics()
    }
}
