/// One intent and its confidence, a probability from the classifier.
public struct IntentScore: Sendable, Hashable, Codable {
    public let name: String
    public let confidence: Double

    public init(name: String, confidence: Double) {
        self.name = name
        self.confidence = confidence
    }
}

/// Intents ordered from most to least likely; confidences sum to 1.
public struct IntentRanking: Sendable, Hashable, Codable {
    public let scores: [IntentScore]

    public init(scores: [IntentScore]) {
        self.scores = scores.sorted { $0.confidence > $1.confidence || ($0.confidence == $1.confidence && $0.name < $1.name) }
    }

    /// Scores already in ranking order.
    init(ordered: [IntentScore]) {
        scores = ordered
    }

    public var top: IntentScore? { scores.first }

    /// Difference between the two best confidences (1 when there is one intent).
    public var margin: Double {
        guard let first = scores.first else { return 0 }
        guard scores.count > 1 else { return 1 }
        return first.confidence - scores[1].confidence
    }
}
