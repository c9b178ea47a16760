import Foundation

/// The result of understanding one (already redacted) utterance.
public struct ParseResult: Sendable, Hashable, Codable {
    public let text: String
    public let ranking: IntentRanking
    public let entities: [Entity]
    /// Which stage of the cascade decided the intent.
    public let stage: NLUStage
    /// The sentence embedding placed the message far from every intent the
    /// model knows: the dialogue treats it as a fallback, whatever the ranking.
    public let outOfScope: Bool

    public init(text: String, ranking: IntentRanking, entities: [Entity], stage: NLUStage = .linearOnly, outOfScope: Bool = false) {
        self.text = text
        self.ranking = ranking
        self.entities = entities
        self.stage = stage
        self.outOfScope = outOfScope
    }

    public var intent: IntentScore { ranking.top ?? IntentScore(name: "nlu_fallback", confidence: 0) }

    private enum CodingKeys: String, CodingKey { case text, ranking, entities, stage, outOfScope }

    /// Results written before the cascade existed decode as linear-only, in scope.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        ranking = try container.decode(IntentRanking.self, forKey: .ranking)
        entities = try container.decode([Entity].self, forKey: .entities)
        stage = try container.decodeIfPresent(NLUStage.self, forKey: .stage) ?? .linearOnly
        outOfScope = try container.decodeIfPresent(Bool.self, forKey: .outOfScope) ?? false
    }
}

/// Parses utterances with a loaded model: ranks intents (through the cascade
/// when the model has a hybrid stage and an embedder is given) and extracts
/// entities. Build once per model; `parse` is safe to call concurrently.
public struct NLUParser: Sendable {
    /// Maps a (redacted) text to its unit sentence embedding.
    public typealias Embedder = @Sendable (String) -> [Float]

    public let model: NLUModel
    let extractor: EntityExtractor
    private let embedder: Embedder?

    /// `embedder` must be the encoder the model's hybrid stage was trained
    /// with (the caller checks ``HybridMetadata/encoderSHA256``); without one,
    /// or for a model without a hybrid stage, the linear model decides alone.
    public init(model: NLUModel, embedder: Embedder? = nil) throws(NLUError) {
        self.model = model
        self.extractor = try EntityExtractor(rules: model.metadata.entityRules)
        self.embedder = model.hybrid == nil ? nil : embedder
    }

    /// Whether messages the linear model is unsure of go to the hybrid stage.
    public var hasHybridStage: Bool { embedder != nil }

    public func parse(_ text: String, referenceDate: Date = Date()) -> ParseResult {
        let entities = extractor.extract(from: text, referenceDate: referenceDate)
        let classifier = model.classifier
        let vector = classifier.vectorizer.vector(for: text)
        var probabilities = classifier.scores(for: vector)
        IntentClassifier.softmax(&probabilities, temperature: classifier.temperature)
        guard let hybrid = model.hybrid, let embedder else {
            return ParseResult(text: text, ranking: classifier.ranking(probabilities), entities: entities, stage: .linearOnly)
        }
        if (probabilities.max() ?? 0) >= hybrid.cascadeThreshold {
            return ParseResult(text: text, ranking: classifier.ranking(probabilities), entities: entities, stage: .linear)
        }
        let embedding = embedder(text)
        guard embedding.count == hybrid.classifier.dimension else {
            // Cannot happen with the encoder the caller checked; decide linearly rather than guess.
            return ParseResult(text: text, ranking: classifier.ranking(probabilities), entities: entities, stage: .linearOnly)
        }
        let combined = hybrid.classifier.probabilities(for: vector, embedding: embedding)
        return ParseResult(
            text: text, ranking: classifier.ranking(combined), entities: entities, stage: .hybrid,
            outOfScope: hybrid.centroids.isOutOfScope(embedding)
        )
    }
}
