import Foundation
import Logging
import ParleyAudit
import ParleyDialogue
import ParleyEncoder
import ParleyEscalation
import ParleyIntegrations
import ParleyLearning
import ParleyNLU
import ParleyRedaction
import ParleyStore
import Synchronization

/// The composition root: the turn pipeline and the operations around it
/// (agents, tokens, transcripts, the learning loop). The HTTP server and
/// `parley chat` both drive this one engine.
public final class ParleyEngine: Sendable {
    public let store: Store
    public let metrics: MetricsRegistry
    public let tokens: AccessTokens
    public let redactor: Redactor
    public let audit: AuditTrail
    /// Retention, holds, erasure and access requests (nil for an engine built without a data directory's policy).
    public let retention: RetentionServices?
    /// Failed authentications, folded and durable.
    public let authFailures: AuthFailureLedger
    /// Labels, the review queue, new intents, the model registry, the gate, shadow mode.
    public let learning: LearningService
    /// The sentence encoder of the NLU cascade (nil: the linear model alone).
    let encoder: SentenceEncoder?
    /// Handoffs, turns and notes as they happen, for the agents' console.
    public let events = EventFeed()
    let pipeline: TurnPipeline
    let serving: ServingSlot
    let shadowRecorder: ShadowRecorder
    /// The last generation whose models could not be loaded (logged once).
    let failedGeneration = Mutex<Int64?>(nil)
    let logger: Logger
    let clock: @Sendable () -> Date

    /// The bot as it answers now (its files and the intents added in the store).
    public var bot: Bot { serving.current.bot }
    public var escalation: EscalationPolicy { serving.current.escalation }
    /// The model serving now (a promotion or rollback replaces it without a restart).
    public var model: NLUModel { serving.current.model }
    /// The candidate parsing beside it in shadow mode, if any.
    public var shadowModel: NLUModel? { serving.current.shadow?.model }
    /// How the NLU decides with the model serving now: the cascade, or the linear model alone and why.
    public var nluStatus: NLUCascade.Status { NLUCascade.status(model: model, encoder: encoder) }

    /// `overlay` are the intents added in the store (read by the caller, as
    /// ``EngineBootstrap`` does); `generation` is the store's model generation
    /// `model` was read at, so that ``refreshServing()`` knows what changed.
    public init(
        store: Store, audit: AuditTrail, bot: Bot, escalation: EscalationPolicy, model: NLUModel, redactor: Redactor,
        records: (any CustomerRecords)? = nil, actions: [any CustomAction]? = nil,
        encoder: SentenceEncoder? = nil,
        retention: RetentionServices? = nil, learning settings: LearningSettings = LearningSettings(), models: ModelRepository? = nil,
        overlay: [IntentOverlay] = [], generation: Int64 = 0, shadow: NLUModel? = nil, conversationTests: [ConversationTest] = [],
        trainer: LearningService.Trainer? = nil, makeParser: LearningService.ParserFactory? = nil,
        metrics: MetricsRegistry = MetricsRegistry(), logger: Logger,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws(EngineError) {
        let learning = LearningService(
            store: store, audit: audit, settings: settings, models: models, bot: bot, escalation: escalation,
            conversationTests: conversationTests, encoder: encoder, trainer: trainer, makeParser: makeParser, logger: logger, clock: clock
        )
        let actions = actions ?? Self.builtinActions(for: bot)
        try Self.check(bot: bot.applying(overlay), escalation: escalation, actions: actions)
        let state = try Self.servingState(
            generation: generation, model: model, shadow: shadow, bot: bot, escalation: escalation, overlay: overlay,
            makeParser: learning.makeParser
        )
        self.learning = learning
        self.encoder = encoder
        self.store = store
        self.metrics = metrics
        self.audit = audit
        self.retention = retention
        self.tokens = AccessTokens(store: store, audit: audit, clock: clock, logger: logger)
        self.authFailures = AuthFailureLedger(store: store, audit: audit, metrics: metrics, logger: logger, clock: clock)
        self.logger = logger
        self.clock = clock
        self.redactor = redactor
        serving = ServingSlot(state)
        shadowRecorder = ShadowRecorder()
        pipeline = TurnPipeline(
            redactor: redactor, serving: serving, review: ReviewPolicy(settings: settings.review),
            reviewKey: InstallationKeyCache(store: store, purpose: "review-text"), shadow: shadowRecorder,
            actions: Dictionary(uniqueKeysWithValues: actions.map { ($0.name, $0) }),
            records: records ?? LocalCRM(store: store), store: store, audit: audit,
            metrics: metrics, events: events, logger: logger, clock: clock
        )
        Self.describeMetrics(metrics)
        metrics.set("parley_model_generation", to: Double(generation))
    }

    public static func builtinActions(for bot: Bot) -> [any CustomAction] {
        [
            OrderLookupAction.orderStatus(requireCustomer: bot.ordersRequireCustomer),
            OrderLookupAction.deliveryStatus(requireCustomer: bot.ordersRequireCustomer),
        ]
    }

    /// One customer turn through the whole pipeline.
    public func handle(_ message: IncomingMessage) async throws(EngineError) -> TurnResult {
        try await pipeline.handle(message)
    }

    /// Understanding only, for `/model/parse`: the text is redacted first,
    /// and the result holds the redacted text (redacted dates still fill `date`).
    public func parse(_ text: String) -> ParseResult {
        let redaction = redactor.redact(text)
        let now = clock()
        let parser = serving.current.parser
        return parser.parse(redaction.redactedText, referenceDate: now)
            .adding(RedactedEntities.dates(original: text, redaction: redaction, parser: parser, referenceDate: now))
    }

    /// Cross-checks that every name the bot, the policy and the actions use exists.
    private static func check(bot: Bot, escalation: EscalationPolicy, actions: [any CustomAction]) throws(EngineError) {
        let implemented = Set(actions.map(\.name))
        for name in bot.domain.actions where !implemented.contains(name) {
            throw .configuration(file: bot.source, line: nil, key: "actions", reason: "action '\(name)' has no implementation in this Parley")
        }
        for action in actions where bot.domain.actions.contains(action.name) {
            for response in action.responses where bot.domain.responses[response] == nil {
                throw .configuration(file: bot.source, line: nil, key: "responses",
                                     reason: "action '\(action.name)' needs response '\(response)'")
            }
        }
        for queue in escalation.queues where bot.domain.responses[queue.handoffResponse] == nil {
            throw .configuration(file: "escalation policy", line: nil, key: "queues.\(queue.name).response",
                                 reason: "response '\(queue.handoffResponse)' is not in the bot's domain")
        }
    }

    static func servingState(
        generation: Int64, model: NLUModel, shadow: NLUModel?, bot: Bot, escalation: EscalationPolicy, overlay: [IntentOverlay],
        makeParser: LearningService.ParserFactory
    ) throws(EngineError) -> ServingState {
        let effective = bot.applying(overlay)
        let added = Set(overlay.map(\.name))
        var shadowParser: NLUParser?
        if let shadow {
            try ServingState.check(model: shadow, bot: effective, addedIntents: added)
            shadowParser = try makeParser(shadow)
        }
        return try ServingState(
            generation: generation, model: model, parser: makeParser(model), bot: effective, addedIntents: added,
            escalation: escalation.applying(overlay), shadow: shadowParser
        )
    }

    private static func describeMetrics(_ metrics: MetricsRegistry) {
        metrics.describe("parley_turns_total", type: "counter", help: "Customer turns handled, by resulting status.")
        metrics.describe("parley_turn_duration_seconds", type: "histogram", help: "Time to handle a customer turn.")
        metrics.describe("parley_intents_total", type: "counter", help: "Top intents predicted.")
        metrics.describe("parley_nlu_stage_total", type: "counter", help: "Messages understood, by the NLU cascade stage that decided.")
        metrics.describe("parley_fallbacks_total", type: "counter", help: "Messages answered with the fallback.")
        metrics.describe("parley_redactions_total", type: "counter", help: "PII spans redacted, by type and operator.")
        metrics.describe("parley_handoffs_total", type: "counter", help: "Conversations handed to humans, by queue and rule.")
        metrics.describe("parley_review_marked_total", type: "counter", help: "Turns marked for the review queue, by reason (repeats of an open item included).")
        metrics.describe("parley_model_generation", type: "gauge", help: "The store's model generation the server serves.")
        metrics.describe("parley_model_swaps_total", type: "counter", help: "Changes of the serving model taken without a restart.")
        metrics.describe("parley_shadow_turns_total", type: "counter", help: "Turns a shadow candidate parsed, by whether it agreed with the active model.")
        metrics.describe("parley_shadow_disagreements_total", type: "counter", help: "Shadow turns where the candidate chose another intent, by both intents.")
    }
}
