import Foundation

/// The result of understanding one (already redacted) utterance.
public struct ParseResult: Sendable, Hashable, Codable {
    public let text: String
    public let ranking: IntentRanking
    public let entities: [Entity]

    public init(text: String, ranking: IntentRanking, entities: [Entity]) {
        self.text = text
        self.ranking = ranking
        self.entities = entities
    }

    public var intent: IntentScore { ranking.top ?? IntentScore(name: "nlu_fallback", confidence: 0) }
}

/// Parses utterances with a loaded model: ranks intents and extracts entities.
/// Build once per model; `parse` is safe to call concurrently.
public struct NLUParser: Sendable {
    public let model: NLUModel
    let extractor: EntityExtractor

    public init(model: NLUModel) throws(NLUError) {
        self.model = model
        self.extractor = try EntityExtractor(rules: model.metadata.entityRules)
    }

    public func parse(_ text: String, referenceDate: Date = Date()) -> ParseResult {
        ParseResult(
            text: text,
            ranking: model.classifier.rank(text),
            entities: extractor.extract(from: text, referenceDate: referenceDate)
        )
    }
}
