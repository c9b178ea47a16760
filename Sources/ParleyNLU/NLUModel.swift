import Foundation
import ParleyCrypto

/// A trained NLU model: the intent classifier and the entity rules, with metadata.
public struct NLUModel: Sendable {
    public let metadata: ModelMetadata
    public let classifier: IntentClassifier
    /// The cascade's second stage, when the model was trained with a sentence encoder.
    public let hybrid: HybridStage?

    init(metadata: ModelMetadata, classifier: IntentClassifier, hybrid: HybridStage? = nil) {
        self.metadata = metadata
        self.classifier = classifier
        self.hybrid = hybrid
    }

    /// Trains a model on `data`.
    ///
    /// The softmax temperature that makes confidences calibrated is fitted on
    /// `validation` when it is given; otherwise on a stratified
    /// `calibrationFraction` of the data held out from an auxiliary model, after
    /// which the final model is trained on all of `data` (so training takes
    /// about twice as long); with neither, the head's prior temperature is used.
    ///
    /// Metadata `validationMetrics`: always `temperature`; with `validation`,
    /// its `accuracy`, `macro_f1` and `ece`; with a calibration split instead,
    /// the auxiliary model's `holdout_accuracy`, `holdout_macro_f1`,
    /// `holdout_ece` and `holdout_n` on that split.
    public static func train(
        on data: NLUTrainingData,
        hyperParameters: ClassifierHyperParameters = ClassifierHyperParameters(),
        validation: [LabeledUtterance] = [],
        producer: String,
        now: Date = Date(),
        progress: (TrainingProgress) -> Void = { _ in }
    ) throws(NLUError) -> NLUModel {
        _ = try EntityExtractor(rules: data.entityRules)  // reject bad patterns before spending time training
        try hyperParameters.validate()
        let trainer = ClassifierTrainer(hyperParameters: hyperParameters)
        var temperature = hyperParameters.head.priorTemperature
        var metrics: [String: Double] = [:]
        if validation.isEmpty, hyperParameters.calibrationFraction > 0,
           let split = calibrationSplit(data.examples, hyperParameters: hyperParameters) {
            let auxiliary = try trainer.train(split.training) { step in
                var step = step
                step.stage = .calibration
                progress(step)
            }
            temperature = fitTemperature(auxiliary, on: split.holdout)
            // The auxiliary model's scores on the split it did not see: a held-out
            // estimate for models trained without validation data.
            let holdout = NLUEvaluator.evaluate(auxiliary.with(temperature: temperature), on: split.holdout)
            metrics["holdout_accuracy"] = holdout.accuracy
            metrics["holdout_macro_f1"] = holdout.macroF1
            metrics["holdout_ece"] = holdout.ece
            metrics["holdout_n"] = Double(holdout.n)
        }
        var classifier = try trainer.train(data.examples, progress: progress)
        if !validation.isEmpty {
            temperature = fitTemperature(classifier, on: validation)
        }
        classifier = classifier.with(temperature: temperature)

        metrics["temperature"] = Double(temperature)
        if !validation.isEmpty {
            let report = NLUEvaluator.evaluate(classifier, on: validation)
            metrics["accuracy"] = report.accuracy
            metrics["macro_f1"] = report.macroF1
            metrics["ece"] = report.calibration.expectedCalibrationError
        }
        let contentHash = Hex.encode(SHA256.hash(ModelFile.payload(of: classifier, precision: hyperParameters.weightPrecision)))
        // Whole seconds: the model file stores RFC 3339 times without fractions.
        let createdAt = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let stamp = Self.stamp(createdAt)
        let metadata = ModelMetadata(
            version: "nlu-\(stamp)-\(contentHash.prefix(8))",
            createdAt: createdAt,
            contentHash: contentHash,
            trainingDataHash: data.contentHash,
            trainingExampleCount: data.examples.count,
            intents: classifier.intents,
            hyperParameters: hyperParameters,
            entityRules: data.entityRules,
            validationMetrics: metrics,
            producer: producer
        )
        return NLUModel(metadata: metadata, classifier: classifier)
    }

    /// The held-out part for calibration, when every intent keeps at least two
    /// training examples and the held-out part is big enough to mean something.
    private static func calibrationSplit(
        _ examples: [LabeledUtterance], hyperParameters: ClassifierHyperParameters
    ) -> (training: [LabeledUtterance], holdout: [LabeledUtterance])? {
        guard let split = try? StratifiedSplit.holdout(
            examples, fraction: hyperParameters.calibrationFraction, seed: hyperParameters.seed &+ 1
        ) else { return nil }
        guard split.holdout.count >= 20, Set(split.training.map(\.intent)).count == Set(examples.map(\.intent)).count
        else { return nil }
        return split
    }

    static func fitTemperature(_ classifier: IntentClassifier, on examples: [LabeledUtterance]) -> Float {
        let index = Dictionary(uniqueKeysWithValues: classifier.intents.enumerated().map { ($1, $0) })
        let known = examples.filter { index[$0.intent] != nil }
        return TemperatureScaling.fit(
            scores: known.map { classifier.scores(for: $0.text) },
            labels: known.map { index[$0.intent] ?? 0 }
        )
    }

    /// `YYYYMMDD-HHMMSS` in UTC.
    static func stamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        if let utc = TimeZone(identifier: "UTC") { calendar.timeZone = utc }
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02d-%02d%02d%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0, p.second ?? 0)
    }
}
