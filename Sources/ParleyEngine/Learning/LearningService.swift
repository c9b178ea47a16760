import Foundation
import Logging
import ParleyAudit
import ParleyEncoder
import ParleyEscalation
import ParleyLearning
import ParleyNLU
import ParleyStore

/// The learning loop over one installation: labels and the review queue, new
/// intents, the model registry, the gate, shadow mode. The engine holds one
/// (and swaps what serves after a change); CLI commands use one beside a
/// running server, which sees their changes through the store's model generation.
public final class LearningService: Sendable {
    public let store: Store
    public let audit: AuditTrail
    public let settings: LearningSettings
    /// The model directory (with the installation's key); nil for an engine without one (tests in memory).
    public let models: ModelRepository?
    /// The bot as its files declare it (the store's added intents are merged in by ``effectiveBot()``).
    public let baseBot: Bot
    let baseEscalation: EscalationPolicy
    let conversationTests: [ConversationTest]
    let trainer: Trainer
    let makeParser: ParserFactory
    let logger: Logger
    let clock: @Sendable () -> Date

    /// Trains a model on examples with hyper-parameters.
    public typealias Trainer = @Sendable (NLUTrainingData, ClassifierHyperParameters) throws(EngineError) -> NLUModel
    /// The parser a model serves through (the same for the gate as for turns).
    public typealias ParserFactory = @Sendable (NLUModel) throws(EngineError) -> NLUParser

    public init(
        store: Store, audit: AuditTrail, settings: LearningSettings, models: ModelRepository?, bot: Bot, escalation: EscalationPolicy,
        conversationTests: [ConversationTest] = [], encoder: SentenceEncoder? = nil, trainer: Trainer? = nil, makeParser: ParserFactory? = nil,
        logger: Logger, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.audit = audit
        self.settings = settings
        self.models = models
        baseBot = bot
        baseEscalation = escalation
        self.conversationTests = conversationTests
        if let trainer { self.trainer = trainer } else { self.trainer = Self.defaultTrainer(encoder: encoder, models: models, logger: logger, clock: clock) }
        if let makeParser { self.makeParser = makeParser } else { self.makeParser = Self.cascadeParser(encoder: encoder, logger: logger) }
        self.logger = logger
        self.clock = clock
    }

    /// Trains the linear model on the data as it is and, with an encoder, its
    /// hybrid stage (embeddings cached, sealed, in the model directory).
    static func defaultTrainer(encoder: SentenceEncoder?, models: ModelRepository?, logger: Logger, clock: @escaping @Sendable () -> Date) -> Trainer {
        { data, hyperParameters throws(EngineError) in
            guard let encoder else { return try Training.train(data: data, hyperParameters: hyperParameters, logger: logger, now: clock()) }
            var cache = models?.embeddingCache(for: encoder) ?? EmbeddingCache(for: encoder)
            let model = try Training.train(data: data, hyperParameters: hyperParameters, encoder: encoder, cache: &cache, logger: logger, now: clock())
            try models?.saveEmbeddingCache(cache)
            return model
        }
    }

    /// The parser turns are served with: the NLU cascade when the model's
    /// hybrid stage was trained on this encoder, else the linear model alone.
    static func cascadeParser(encoder: SentenceEncoder?, logger: Logger) -> ParserFactory {
        { model throws(EngineError) in try NLUCascade.parser(model: model, encoder: encoder, logger: logger) }
    }

    /// The bot with the intents added in the store, and the escalation policy with their handoff rules.
    public func effectiveBot() async throws(EngineError) -> (bot: Bot, escalation: EscalationPolicy, added: [IntentOverlay]) {
        let overlay: [IntentOverlay]
        do { overlay = try await store.intentOverlay() } catch { throw Self.map(error) }
        return (baseBot.applying(overlay), baseEscalation.applying(overlay), overlay)
    }

    /// The examples a model trains on now, and those held out.
    public func trainingSet(for bot: Bot) async throws(EngineError) -> TrainingSet {
        let labels: [LabelledExample]
        do { labels = try await store.labelledExamples() } catch { throw Self.map(error) }
        return TrainingSet.build(bot: bot.trainingData, intents: bot.domain.intents, labels: labels, settings: settings.gate)
    }

    func repository() throws(EngineError) -> ModelRepository {
        guard let models else { throw .modelUnavailable("this engine has no model directory") }
        return models
    }

    /// Records an event; a failure to audit fails the operation.
    func record(_ events: [AuditEvent]) async throws(EngineError) {
        do { try await store.appendAudit(audit.appends(events)) } catch { throw Self.map(error) }
    }

    static func map(_ error: StoreError) -> EngineError {
        switch error {
        case let .notFound(what): .notFound(what)
        case let .conflict(reason): .conflict(reason)
        case let .invalid(reason): .invalidInput(reason)
        default: .storage(error.description)
        }
    }

    static func target(model version: String) -> AuditTarget? { try? AuditTarget(kind: "model", id: version) }
    static func target(intent name: String) -> AuditTarget? { try? AuditTarget(kind: "intent", id: name) }
    static func target(review id: Int64) -> AuditTarget? { try? AuditTarget(kind: "review_item", id: String(id)) }
}

/// Names of intents and entities as labels may give them: 1–64 letters, digits, `_`, `-`, `.`.
enum IntentName {
    static func validate(_ name: String, what: String = "intent") throws(EngineError) {
        let allowed = name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-.".unicodeScalars.contains(scalar))
        }
        guard (1...64).contains(name.count), allowed, name.first != "." else {
            throw .invalidInput("\(what) must be 1-64 characters of letters, digits, '_', '-' or '.'")
        }
    }
}
