/// Precision, recall and F1 for one entity type (or the micro average).
///
/// A prediction counts as a true positive only with the exact type and span.
/// `partialOverlaps` counts predictions of the right type that overlap a gold span
/// without matching it exactly (they are also counted as false positives, and
/// the gold span as a false negative). `typeConfusions` counts predictions with
/// the exact span of a gold span of another type.
public struct EntityMetrics: Codable, Sendable, Hashable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0
    public var partialOverlaps = 0
    public var typeConfusions = 0

    public init() {}

    /// Gold spans of this type.
    public var support: Int { truePositives + falseNegatives }

    public var precision: Double {
        let predicted = truePositives + falsePositives
        return predicted == 0 ? 1 : Double(truePositives) / Double(predicted)
    }

    public var recall: Double {
        support == 0 ? 1 : Double(truePositives) / Double(support)
    }

    public var f1: Double {
        let sum = precision + recall
        return sum == 0 ? 0 : 2 * precision * recall / sum
    }

    public static func + (lhs: EntityMetrics, rhs: EntityMetrics) -> EntityMetrics {
        var total = EntityMetrics()
        total.truePositives = lhs.truePositives + rhs.truePositives
        total.falsePositives = lhs.falsePositives + rhs.falsePositives
        total.falseNegatives = lhs.falseNegatives + rhs.falseNegatives
        total.partialOverlaps = lhs.partialOverlaps + rhs.partialOverlaps
        total.typeConfusions = lhs.typeConfusions + rhs.typeConfusions
        return total
    }

    private enum CodingKeys: String, CodingKey {
        case truePositives, falsePositives, falseNegatives, partialOverlaps, typeConfusions
        case support, precision, recall, f1
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        truePositives = try container.decode(Int.self, forKey: .truePositives)
        falsePositives = try container.decode(Int.self, forKey: .falsePositives)
        falseNegatives = try container.decode(Int.self, forKey: .falseNegatives)
        partialOverlaps = try container.decode(Int.self, forKey: .partialOverlaps)
        typeConfusions = try container.decode(Int.self, forKey: .typeConfusions)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(truePositives, forKey: .truePositives)
        try container.encode(falsePositives, forKey: .falsePositives)
        try container.encode(falseNegatives, forKey: .falseNegatives)
        try container.encode(partialOverlaps, forKey: .partialOverlaps)
        try container.encode(typeConfusions, forKey: .typeConfusions)
        try container.encode(support, forKey: .support)
        try container.encode(precision, forKey: .precision)
        try container.encode(recall, forKey: .recall)
        try container.encode(f1, forKey: .f1)
    }
}
