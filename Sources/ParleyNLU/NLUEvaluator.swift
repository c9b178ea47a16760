/// Scores a model on labelled examples: everything behind `parley test nlu`.
///
/// Examples whose label is the out-of-scope label (`out_of_scope` unless told
/// otherwise), or that come as a separate out-of-scope list, are not scored as
/// intents: they feed the threshold analysis in ``NLUTestResult/outOfScope``.
public enum NLUEvaluator {
    public static let defaultOutOfScopeLabel = "out_of_scope"
    static let mostConfusedLimit = 20

    /// Predicts every example (single-threaded, in order).
    public static func predict(_ classifier: IntentClassifier, on examples: [LabeledUtterance]) -> [IntentPrediction] {
        examples.map { example in
            let ranking = classifier.rank(example.text)
            let top = ranking.top ?? IntentScore(name: "", confidence: 0)
            return IntentPrediction(
                text: example.text, intent: example.intent, predicted: top.name,
                confidence: top.confidence, ranking: Array(ranking.scores.prefix(3))
            )
        }
    }

    /// Predicts and scores. `outOfScope` examples are added to those labelled
    /// `outOfScopeLabel` in `examples`; with any, the result has a threshold analysis.
    public static func evaluate(
        _ model: NLUModel, on examples: [LabeledUtterance], outOfScope: [LabeledUtterance] = [],
        outOfScopeLabel: String = defaultOutOfScopeLabel,
        criterion: OutOfScopeReport.Criterion = .balanced,
        calibrationBins: Int = CalibrationReport.defaultBinCount
    ) -> NLUTestResult {
        test(
            model, on: examples, outOfScope: outOfScope, outOfScopeLabel: outOfScopeLabel,
            criterion: criterion, calibrationBins: calibrationBins
        ).result
    }

    /// What `evaluate` returns for a model, plus the predictions it scored
    /// (out-of-scope ones carrying `outOfScopeLabel`), ready for
    /// ``NLUReportWriter/write(_:predictions:to:)``: what `parley test nlu --report` needs.
    public static func test(
        _ model: NLUModel, on examples: [LabeledUtterance], outOfScope: [LabeledUtterance] = [],
        outOfScopeLabel: String = defaultOutOfScopeLabel,
        criterion: OutOfScopeReport.Criterion = .balanced,
        calibrationBins: Int = CalibrationReport.defaultBinCount
    ) -> (result: NLUTestResult, predictions: [IntentPrediction]) {
        let all = examples + outOfScope.map { LabeledUtterance(text: $0.text, intent: outOfScopeLabel) }
        let predictions = predict(model.classifier, on: all)
        var result = score(predictions, outOfScopeLabel: outOfScopeLabel, criterion: criterion, calibrationBins: calibrationBins)
        result.modelVersion = model.metadata.version
        return (result, predictions)
    }

    public static func evaluate(
        _ classifier: IntentClassifier, on examples: [LabeledUtterance], outOfScope: [LabeledUtterance] = [],
        outOfScopeLabel: String = defaultOutOfScopeLabel,
        criterion: OutOfScopeReport.Criterion = .balanced,
        calibrationBins: Int = CalibrationReport.defaultBinCount
    ) -> NLUTestResult {
        let all = examples + outOfScope.map { LabeledUtterance(text: $0.text, intent: outOfScopeLabel) }
        return score(
            predict(classifier, on: all), outOfScopeLabel: outOfScopeLabel,
            criterion: criterion, calibrationBins: calibrationBins
        )
    }

    /// Scores predictions made elsewhere (for instance pooled over cross-validation folds).
    public static func score(
        _ predictions: [IntentPrediction], outOfScopeLabel: String = defaultOutOfScopeLabel,
        criterion: OutOfScopeReport.Criterion = .balanced,
        calibrationBins: Int = CalibrationReport.defaultBinCount
    ) -> NLUTestResult {
        let inScope = predictions.filter { $0.intent != outOfScopeLabel }
        let outOfScope = predictions.filter { $0.intent == outOfScopeLabel }

        let goldIntents = Set(inScope.map(\.intent))
        let labels = goldIntents.union(inScope.map(\.predicted)).sorted()
        let position = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: labels.count), count: labels.count)
        for prediction in inScope {
            if let row = position[prediction.intent], let column = position[prediction.predicted] {
                matrix[row][column] += 1
            }
        }
        var pairs: [NLUTestResult.ConfusedPair] = []
        for (row, gold) in labels.enumerated() {
            for (column, predicted) in labels.enumerated() where row != column && matrix[row][column] > 0 {
                pairs.append(.init(intent: gold, predicted: predicted, count: matrix[row][column]))
            }
        }
        pairs.sort { ($1.count, $0.intent, $0.predicted) < ($0.count, $1.intent, $1.predicted) }

        var perIntent: [String: NLUTestResult.IntentMetrics] = [:]
        for (index, intent) in labels.enumerated() {
            let truePositives = matrix[index][index]
            let support = matrix[index].reduce(0, +)
            let predictedCount = matrix.reduce(0) { $0 + $1[index] }
            let precision = predictedCount == 0 ? 0 : Double(truePositives) / Double(predictedCount)
            let recall = support == 0 ? 0 : Double(truePositives) / Double(support)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            perIntent[intent] = .init(
                precision: precision, recall: recall, f1: f1, support: support,
                confusedWith: Array(pairs.filter { $0.intent == intent }.prefix(5))
            )
        }
        let gold = goldIntents.sorted()
        let goldCount = Double(max(gold.count, 1))
        let total = Double(max(inScope.count, 1))
        let correct = inScope.filter(\.isCorrect).count
        let calibration = CalibrationReport(
            confidences: inScope.map(\.confidence), correct: inScope.map(\.isCorrect), binCount: calibrationBins
        )
        let analysis = outOfScope.isEmpty ? nil : OutOfScopeReport(
            inScope: inScope, outOfScope: outOfScope, outOfScopeLabel: outOfScopeLabel, criterion: criterion
        )
        return NLUTestResult(
            n: inScope.count,
            accuracy: inScope.isEmpty ? 0 : Double(correct) / total,
            macroF1: gold.reduce(0) { $0 + (perIntent[$1]?.f1 ?? 0) } / goldCount,
            weightedF1: gold.reduce(0) { $0 + (perIntent[$1].map { $0.f1 * Double($0.support) } ?? 0) } / total,
            macroPrecision: gold.reduce(0) { $0 + (perIntent[$1]?.precision ?? 0) } / goldCount,
            macroRecall: gold.reduce(0) { $0 + (perIntent[$1]?.recall ?? 0) } / goldCount,
            errorCount: inScope.count - correct,
            perIntent: perIntent,
            mostConfused: Array(pairs.prefix(mostConfusedLimit)),
            confusion: .init(labels: labels, matrix: matrix),
            calibration: calibration,
            outOfScope: analysis,
            modelVersion: nil
        )
    }
}
