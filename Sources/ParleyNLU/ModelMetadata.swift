import Foundation

/// What a model file says about itself, readable without loading the weights.
public struct ModelMetadata: Sendable, Hashable, Codable {
    /// A unique, sortable name: `nlu-YYYYMMDD-HHMMSS-<hash prefix>`.
    public var version: String
    public var createdAt: Date
    /// SHA-256 of the weights and vocabulary (hex).
    public var contentHash: String
    /// SHA-256 of the training data (``NLUTrainingData/contentHash``).
    public var trainingDataHash: String
    public var trainingExampleCount: Int
    public var intents: [String]
    public var hyperParameters: ClassifierHyperParameters
    public var entityRules: EntityRules
    /// Metrics measured at training time: `temperature`; `accuracy`, `macro_f1`,
    /// `ece` on validation data when given; `holdout_*` on the calibration split otherwise.
    public var validationMetrics: [String: Double]
    /// The Parley version that trained it.
    public var producer: String
    /// The hybrid stage's description, when the model has one (format version 3).
    public var hybrid: HybridMetadata?
}
