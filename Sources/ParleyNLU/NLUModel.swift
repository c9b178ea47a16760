import Foundation
import ParleyCrypto

/// A trained NLU model: the intent classifier and the entity rules, with metadata.
public struct NLUModel: Sendable {
    public let metadata: ModelMetadata
    public let classifier: IntentClassifier

    init(metadata: ModelMetadata, classifier: IntentClassifier) {
        self.metadata = metadata
        self.classifier = classifier
    }

    /// Trains a model on `data`. `validation`, when given, is scored and the
    /// figures are stored in the model's metadata.
    public static func train(
        on data: NLUTrainingData,
        hyperParameters: ClassifierHyperParameters = ClassifierHyperParameters(),
        validation: [LabeledUtterance] = [],
        producer: String,
        now: Date = Date(),
        progress: (TrainingProgress) -> Void = { _ in }
    ) throws(NLUError) -> NLUModel {
        _ = try EntityExtractor(rules: data.entityRules)  // reject bad patterns before spending time training
        let classifier = try ClassifierTrainer(hyperParameters: hyperParameters).train(data.examples, progress: progress)
        var metrics: [String: Double] = [:]
        if !validation.isEmpty {
            let report = Evaluation.score(validation, predict: { classifier.rank($0).top?.name ?? "" })
            metrics = ["accuracy": report.accuracy, "macro_f1": report.macroF1]
        }
        let contentHash = Hex.encode(SHA256.hash(ModelFile.payload(of: classifier)))
        // Whole seconds: the model file stores RFC 3339 times without fractions.
        let now = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let stamp = Self.stamp(now)
        let metadata = ModelMetadata(
            version: "nlu-\(stamp)-\(contentHash.prefix(8))",
            createdAt: now,
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

    /// `YYYYMMDD-HHMMSS` in UTC.
    private static func stamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02d-%02d%02d%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0, p.second ?? 0)
    }
}
