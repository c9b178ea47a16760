import Foundation

/// Mean and (population) standard deviation of one metric over folds.
public struct MeanDeviation: Sendable, Codable, Hashable {
    public var mean: Double
    public var std: Double

    public init(_ values: [Double]) {
        let count = Double(max(values.count, 1))
        let average = values.reduce(0, +) / count
        mean = average
        std = (values.reduce(0) { $0 + ($1 - average) * ($1 - average) } / count).squareRoot()
    }
}

/// Stratified, seeded k-fold cross-validation on training data.
public struct CrossValidationReport: Sendable, Codable {
    public struct Fold: Sendable, Codable, Hashable {
        public var fold: Int
        public var n: Int
        public var accuracy: Double
        public var macroF1: Double
        public var weightedF1: Double
        public var ece: Double
        public var trainingSeconds: Double

        private enum CodingKeys: String, CodingKey {
            case fold, n, accuracy, ece
            case macroF1 = "macro_f1"
            case weightedF1 = "weighted_f1"
            case trainingSeconds = "training_seconds"
        }
    }

    public var folds: [Fold]
    public var accuracy: MeanDeviation
    public var macroF1: MeanDeviation
    public var weightedF1: MeanDeviation
    public var ece: MeanDeviation
    public var seed: UInt64
    /// Every example's prediction by the model that did not see it: score them
    /// with ``NLUEvaluator/score(_:outOfScopeLabel:criterion:calibrationBins:)``
    /// for a full report. Not part of the JSON.
    public var predictions: [IntentPrediction] = []

    private enum CodingKeys: String, CodingKey {
        case folds, accuracy, ece, seed
        case macroF1 = "macro_f1"
        case weightedF1 = "weighted_f1"
    }
}

/// Progress of cross-validation: a fold started or finished training.
public struct CrossValidationProgress: Sendable {
    public let fold: Int
    public let folds: Int
    public let training: TrainingProgress?
}

public enum CrossValidation {
    /// Trains `folds` models, each on all folds but one, and scores each on the
    /// fold it did not see. Folds are stratified by intent and fixed by `seed`.
    /// Each model is trained like ``NLUModel/train(on:hyperParameters:validation:producer:now:progress:)``
    /// without validation data (so its temperature comes from its own calibration split).
    public static func run(
        on data: NLUTrainingData, folds: Int = 5, hyperParameters: ClassifierHyperParameters = ClassifierHyperParameters(),
        seed: UInt64 = 42, progress: (CrossValidationProgress) -> Void = { _ in }
    ) throws(NLUError) -> CrossValidationReport {
        try hyperParameters.validate()
        let assignment = try StratifiedSplit.foldAssignment(data.examples, folds: folds, seed: seed)
        var results: [CrossValidationReport.Fold] = []
        var pooled: [IntentPrediction] = []
        for fold in 0..<folds {
            var training = data
            training.examples = zip(data.examples, assignment).filter { $1 != fold }.map(\.0)
            let held = zip(data.examples, assignment).filter { $1 == fold }.map(\.0)
            let start = Date()
            let model = try NLUModel.train(on: training, hyperParameters: hyperParameters, producer: "cross-validation") { step in
                progress(CrossValidationProgress(fold: fold + 1, folds: folds, training: step))
            }
            let seconds = Date().timeIntervalSince(start)
            let predictions = NLUEvaluator.predict(model.classifier, on: held)
            let result = NLUEvaluator.score(predictions)
            pooled += predictions
            results.append(.init(
                fold: fold + 1, n: result.n, accuracy: result.accuracy, macroF1: result.macroF1,
                weightedF1: result.weightedF1, ece: result.ece, trainingSeconds: seconds
            ))
            progress(CrossValidationProgress(fold: fold + 1, folds: folds, training: nil))
        }
        return CrossValidationReport(
            folds: results,
            accuracy: MeanDeviation(results.map(\.accuracy)),
            macroF1: MeanDeviation(results.map(\.macroF1)),
            weightedF1: MeanDeviation(results.map(\.weightedF1)),
            ece: MeanDeviation(results.map(\.ece)),
            seed: seed,
            predictions: pooled
        )
    }
}
