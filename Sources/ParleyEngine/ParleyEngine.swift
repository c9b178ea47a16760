import Foundation
import Logging
import ParleyAudit
import ParleyDialogue
import ParleyEncoder
import ParleyEscalation
import ParleyIntegrations
import ParleyNLU
import ParleyRedaction
import ParleyStore

/// The composition root: the turn pipeline and the operations around it
/// (agents, tokens, transcripts). The HTTP server and `parley chat` both
/// drive this one engine.
public final class ParleyEngine: Sendable {
    public let store: Store
    public let bot: Bot
    public let escalation: EscalationPolicy
    public let model: NLUModel
    public let metrics: MetricsRegistry
    public let tokens: AccessTokens
    public let redactor: Redactor
    public let audit: AuditTrail
    /// Retention, holds, erasure and access requests (nil for an engine built without a data directory's policy).
    public let retention: RetentionServices?
    /// How the NLU decides: the cascade, or the linear model alone and why.
    public let nluStatus: NLUCascade.Status
    /// Failed authentications, folded and durable.
    public let authFailures: AuthFailureLedger
    let pipeline: TurnPipeline
    let logger: Logger
    let clock: @Sendable () -> Date

    public init(
        store: Store, audit: AuditTrail, bot: Bot, escalation: EscalationPolicy, model: NLUModel, redactor: Redactor,
        records: (any CustomerRecords)? = nil, actions: [any CustomAction]? = nil,
        encoder: SentenceEncoder? = nil, retention: RetentionServices? = nil, metrics: MetricsRegistry = MetricsRegistry(),
        logger: Logger,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws(EngineError) {
        let dialogue: DialoguePolicy
        do { dialogue = try DialoguePolicy(domain: bot.domain, rules: bot.rules, settings: bot.dialogueSettings) } catch {
            throw .configuration(file: bot.source, line: nil, key: nil, reason: error.description)
        }
        let parser = try NLUCascade.parser(model: model, encoder: encoder, logger: logger)
        nluStatus = NLUCascade.status(model: model, encoder: encoder)
        let actions = actions ?? Self.builtinActions(for: bot)
        try Self.check(bot: bot, escalation: escalation, actions: actions, model: model)
        self.store = store
        self.bot = bot
        self.escalation = escalation
        self.model = model
        self.metrics = metrics
        self.audit = audit
        self.retention = retention
        self.tokens = AccessTokens(store: store, audit: audit, clock: clock, logger: logger)
        self.authFailures = AuthFailureLedger(store: store, audit: audit, metrics: metrics, logger: logger, clock: clock)
        self.logger = logger
        self.clock = clock
        self.redactor = redactor
        pipeline = TurnPipeline(
            redactor: redactor, parser: parser, dialogue: dialogue, escalation: escalation,
            actions: Dictionary(uniqueKeysWithValues: actions.map { ($0.name, $0) }),
            records: records ?? LocalCRM(store: store), store: store, audit: audit, modelVersion: model.metadata.version,
            metrics: metrics, logger: logger, clock: clock
        )
        Self.describeMetrics(metrics)
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
        return pipeline.parser.parse(redaction.redactedText, referenceDate: now)
            .adding(RedactedEntities.dates(original: text, redaction: redaction, parser: pipeline.parser, referenceDate: now))
    }

    /// Cross-checks that every name the bot, the policy and the actions use exists.
    private static func check(bot: Bot, escalation: EscalationPolicy, actions: [any CustomAction], model: NLUModel) throws(EngineError) {
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
        let unknown = Set(model.metadata.intents).symmetricDifference(bot.domain.intents)
        if !unknown.isEmpty {
            throw .modelUnavailable("the active model was trained for other intents than the bot declares (\(unknown.sorted().prefix(3).joined(separator: ", "))); retrain with 'parley train'")
        }
    }

    private static func describeMetrics(_ metrics: MetricsRegistry) {
        metrics.describe("parley_turns_total", type: "counter", help: "Customer turns handled, by resulting status.")
        metrics.describe("parley_turn_duration_seconds", type: "histogram", help: "Time to handle a customer turn.")
        metrics.describe("parley_intents_total", type: "counter", help: "Top intents predicted.")
        metrics.describe("parley_nlu_stage_total", type: "counter", help: "Messages understood, by the NLU cascade stage that decided.")
        metrics.describe("parley_fallbacks_total", type: "counter", help: "Messages answered with the fallback.")
        metrics.describe("parley_redactions_total", type: "counter", help: "PII spans redacted, by type and operator.")
        metrics.describe("parley_handoffs_total", type: "counter", help: "Conversations handed to humans, by queue and rule.")
    }
}
