/// Scores of a classifier on labelled examples.
public struct EvaluationReport: Sendable, Codable {
    public struct IntentScores: Sendable, Codable, Hashable {
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int
    }

    public var n: Int
    public var accuracy: Double
    /// Unweighted mean of per-intent F1 over the intents present in the gold labels.
    public var macroF1: Double
    public var perIntent: [String: IntentScores]
    /// gold → predicted → count.
    public var confusion: [String: [String: Int]]

    private enum CodingKeys: String, CodingKey {
        case n, accuracy, confusion
        case macroF1 = "macro_f1"
        case perIntent = "per_intent"
    }
}

/// Label-only scoring (no confidences). For the full evaluation behind
/// `parley test nlu` see ``NLUEvaluator``.
public enum Evaluation {
    public static func score(_ examples: [LabeledUtterance], predict: (String) -> String) -> EvaluationReport {
        score(gold: examples.map(\.intent), predicted: examples.map { predict($0.text) })
    }

    public static func score(gold: [String], predicted: [String]) -> EvaluationReport {
        precondition(gold.count == predicted.count, "one prediction per example")
        var confusion: [String: [String: Int]] = [:]
        var correct = 0
        for (g, p) in zip(gold, predicted) {
            confusion[g, default: [:]][p, default: 0] += 1
            if g == p { correct += 1 }
        }
        var perIntent: [String: EvaluationReport.IntentScores] = [:]
        for intent in Set(gold).union(predicted) {
            let truePositives = confusion[intent]?[intent] ?? 0
            let support = confusion[intent]?.values.reduce(0, +) ?? 0
            let predictedCount = confusion.values.reduce(0) { $0 + ($1[intent] ?? 0) }
            let precision = predictedCount == 0 ? 0 : Double(truePositives) / Double(predictedCount)
            let recall = support == 0 ? 0 : Double(truePositives) / Double(support)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            perIntent[intent] = .init(precision: precision, recall: recall, f1: f1, support: support)
        }
        let goldIntents = Set(gold)
        let macroF1 = goldIntents.isEmpty ? 0 : goldIntents.reduce(0) { $0 + perIntent[$1]!.f1 } / Double(goldIntents.count)
        return EvaluationReport(
            n: gold.count,
            accuracy: gold.isEmpty ? 0 : Double(correct) / Double(gold.count),
            macroF1: macroF1,
            perIntent: perIntent,
            confusion: confusion
        )
    }
}
