/// One scored example: the gold intent, the prediction and its confidence,
/// and the next best intents. Written to `errors.jsonl` for misclassifications.
public struct IntentPrediction: Sendable, Codable, Hashable {
    public var text: String
    /// The gold label.
    public var intent: String
    public var predicted: String
    /// Confidence of `predicted`, a probability.
    public var confidence: Double
    /// The best intents with their confidences, most likely first (at most 3).
    public var ranking: [IntentScore]

    public init(text: String, intent: String, predicted: String, confidence: Double, ranking: [IntentScore] = []) {
        self.text = text
        self.intent = intent
        self.predicted = predicted
        self.confidence = confidence
        self.ranking = ranking
    }

    public var isCorrect: Bool { intent == predicted }
}
