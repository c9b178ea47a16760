import Foundation
import Logging
import ParleyAudit
import ParleyCrypto
import ParleyDialogue
import ParleyEscalation
import ParleyIntegrations
import ParleyLearning
import ParleyNLU
import ParleyRedaction
import ParleyStore

/// One customer turn, top to bottom:
///
/// 1. validate the message, then redact it: from here on only the redacted
///    text exists, except the raw values an action may read in memory and
///    those the policy vaults (sealed under the customer's key);
/// 2. load the conversation (one turn at a time per conversation);
/// 3. understand it (intents and entities) with the model serving now: the
///    whole turn is handled with that one model, whatever is promoted meanwhile;
/// 4. while a human holds the conversation, store the message and stay silent;
/// 5. let the dialogue decide (slots, forms, rules, fallback);
/// 6. let the escalation policy decide whether a human takes over, and where;
/// 7. run the actions (responses, look-ups through the integration layer);
/// 8. store the turn, its audit entries and, when the bot was unsure, its
///    review-queue mark, atomically; count it;
/// 9. a shadow candidate, if any, parses the same redacted text (it never answers);
/// 10. tell the agents' console (a new handoff, a message during one).
///
/// A message with an idempotency key that was already handled is answered,
/// under the same lock, with the stored reply of that first attempt: a
/// channel retrying after a timeout or an error never stores a turn twice.
/// The key is stored in the turn's transaction, so it exists exactly when
/// the turn does.
///
/// Logs, metrics and audit entries carry ids, intents, queues and rule names only.
struct TurnPipeline: Sendable {
    let redactor: Redactor
    let serving: ServingSlot
    let review: ReviewPolicy
    let reviewKey: InstallationKeyCache
    let shadow: ShadowRecorder
    let actions: [String: any CustomAction]
    let records: any CustomerRecords
    let store: Store
    let audit: AuditTrail
    let metrics: MetricsRegistry
    let events: EventFeed
    let logger: Logger
    let locks = KeyedLock()
    let clock: @Sendable () -> Date

    func handle(_ message: IncomingMessage) async throws(EngineError) -> TurnResult {
        try message.validate()
        let started = ContinuousClock.now
        let result = try await locks.withLock(message.conversationID) { () async throws(EngineError) -> TurnResult in
            if let earlier = try await replay(message) { return earlier }
            return try await run(message)
        }
        if result.replayed {
            metrics.increment("parley_turn_replays_total")
            return result
        }
        metrics.increment("parley_turns_total", labels: ["status": result.status.rawValue])
        metrics.observe("parley_turn_duration_seconds", (ContinuousClock.now - started) / .seconds(1))
        return result
    }

    private func run(_ message: IncomingMessage) async throws(EngineError) -> TurnResult {
        let now = clock()
        let serving = self.serving.current
        let modelVersion = serving.version
        let dialogue = serving.dialogue
        let escalation = serving.escalation
        // 1. Redaction, first of all.
        let redaction = redactor.redact(message.text)
        let text = redaction.redactedText
        let rawPII = RawPII(original: message.text, redaction: redaction)
        countRedactions(redaction)
        var logger = logger
        logger[metadataKey: "conversation.id"] = "\(message.conversationID)"

        // 2. The conversation so far.
        let loaded: LoadedConversation?
        do { loaded = try await store.loadConversation(message.conversationID) } catch { throw Self.storage(error) }
        if let channel = loaded?.record.channel, channel != message.channel.actor.rawValue {
            throw .conflict("conversation \(message.conversationID) is not available to this channel")
        }
        var tracker = try loaded?.tracker.map(Self.decodeTracker) ?? initialTracker(dialogue.domain)
        let customerID = message.customerID ?? loaded?.record.customerID
        let tier = try await customerTier(customerID, named: message.customerID != nil)

        // 3. Understanding, by the model serving now (the linear model, then the hybrid stage when it is unsure;
        //    dates the policy redacted are read from their raw values).
        let parse = serving.parser.parse(text, referenceDate: now)
            .adding(RedactedEntities.dates(original: message.text, redaction: redaction, parser: serving.parser, referenceDate: now))
        metrics.increment("parley_nlu_stage_total", labels: ["stage": parse.stage.rawValue])
        let customerTurn = TurnCommit.Message(
            role: .customer, text: text, intent: parse.intent.name, confidence: parse.intent.confidence,
            vaulted: redaction.vaulted.map { ($0.type.rawValue, $0.value) }
        )

        // 4. A human holds the conversation: store the message, say nothing.
        if loaded?.record.status == .handoff {
            let open: HandoffRecord?
            do { open = try await store.openHandoff(conversationID: message.conversationID) } catch { throw Self.storage(error) }
            let event = message.channel.event("turn.received", target: .conversation(message.conversationID), details: [
                "status": "handoff", "model": modelVersion, "intent": parse.intent.name,
                "confidence": String(format: "%.3f", parse.intent.confidence), "bot": "silent",
                "nlu_stage": parse.stage.rawValue, "out_of_scope": String(parse.outOfScope),
            ])
            let result = TurnResult(
                conversationID: message.conversationID, replies: [], intent: parse.intent, entities: parse.entities,
                ranking: parse.ranking, status: .handoff,
                handoff: open.map { Handoff(queue: $0.queue, reason: $0.reason, rule: $0.rule) }, redactedText: text
            )
            let seqs = try await commit(
                message, loaded: loaded, customerID: customerID, status: .handoff, tracker: tracker, messages: [customerTurn], handoff: nil,
                now: now, audit: [event], result: result
            )
            logger.info("message stored during handoff; bot silent", metadata: ["handoff.queue": "\(open?.queue ?? "")"])
            // 10. The console.
            if let seq = seqs.first { events.publish(.turn(conversationID: message.conversationID, seq: seq, role: .customer)) }
            return result
        }

        // 5. Dialogue.
        let decision = dialogue.decide(parse, tracker: tracker)
        tracker = decision.tracker

        // 6. Escalation.
        let situation = EscalationSituation(parse: parse, consecutiveFallbacks: tracker.consecutiveFallbacks, customerTier: tier)
        let seed = (loaded?.record.turnCount ?? 0) &+ message.conversationID.utf8.reduce(0) { $0 &+ Int($1) }
        let responder = Responder(domain: dialogue.domain)
        var replies: [String] = []
        let handoff = escalation.evaluate(situation)
        if let handoff {
            let response = escalation.queue(named: handoff.queue)?.handoffResponse ?? ""
            replies = responder.render(response, slots: tracker.slots, seed: seed).map { [$0] } ?? []
            tracker.activeForm = nil
            tracker.requestedSlot = nil
            tracker.consecutiveFallbacks = 0
        } else {
            // 7. Actions.
            let context = ActionContext(slots: tracker.slots, customerID: customerID, records: records, rawPII: rawPII, now: now)
            replies = try await perform(decision.actions, dialogue: dialogue, context: context, tracker: &tracker, responder: responder, seed: seed)
        }

        // 8. Store (with the audit entries and the review mark, in one transaction) and count.
        let messages = [customerTurn] + replies.map { TurnCommit.Message(role: .bot, text: $0) }
        // A handoff replaces the fallback answer: an understood intent handed to people by its rule is no doubt.
        let mark = try await reviewMark(text, parse: parse, isFallback: decision.isFallback && handoff == nil, handoff: handoff)
        let events = auditEvents(message, modelVersion: modelVersion, parse: parse, redaction: redaction, decision: decision, handoff: handoff)
        let result = TurnResult(
            conversationID: message.conversationID, replies: replies, intent: parse.intent, entities: parse.entities,
            ranking: parse.ranking, status: handoff == nil ? .bot : .handoff, handoff: handoff, redactedText: text
        )
        try await commit(
            message, loaded: loaded, customerID: customerID, status: handoff == nil ? .bot : .handoff, tracker: tracker,
            messages: messages,
            handoff: handoff.map { TurnCommit.NewHandoff(queue: $0.queue, reason: $0.reason, rule: $0.rule) }, review: mark, now: now,
            audit: events, result: result
        )
        if let mark { metrics.increment("parley_review_marked_total", labels: ["reason": mark.reason]) }

        // 9. Shadow: the candidate's parse is counted beside the active model's, never answered.
        if let candidate = serving.shadow {
            let other = candidate.parse(text, referenceDate: now).intent
            shadow.record(
                active: modelVersion, candidate: candidate.model.metadata.version, activeIntent: parse.intent.name,
                candidateIntent: other.name, activeConfidence: parse.intent.confidence, candidateConfidence: other.confidence
            )
            metrics.increment("parley_shadow_turns_total", labels: ["agree": String(other.name == parse.intent.name)])
        }
        metrics.increment("parley_intents_total", labels: ["intent": parse.intent.name])
        if decision.isFallback { metrics.increment("parley_fallbacks_total") }
        if let handoff {
            metrics.increment("parley_handoffs_total", labels: ["queue": handoff.queue, "rule": handoff.rule])
            logger.info("conversation handed off", metadata: ["handoff.queue": "\(handoff.queue)", "handoff.rule": "\(handoff.rule)"])
        }
        // 10. The console.
        if handoff != nil {
            do {
                if let open = try await store.openHandoff(conversationID: message.conversationID) { self.events.publish(.handoff(open)) }
            } catch {
                logger.warning("the new handoff could not be announced to the console", metadata: ["error": "\(error.description)"])
            }
        }
        logger.debug("turn handled", metadata: [
            "turn.intent": "\(parse.intent.name)", "turn.confidence": "\(String(format: "%.3f", parse.intent.confidence))",
            "turn.fallback": "\(decision.isFallback)",
        ])
        return result
    }

    /// The stored reply to an earlier attempt of this message (same
    /// conversation, same idempotency key, same channel, customer and text);
    /// nil when there is none. The same key with another message is refused.
    private func replay(_ message: IncomingMessage) async throws(EngineError) -> TurnResult? {
        guard let key = message.idempotencyKey else { return nil }
        let stored: (reply: IdempotentReply, channel: String?)?
        do { stored = try await store.idempotentReply(conversationID: message.conversationID, key: key, now: clock()) } catch {
            throw Self.storage(error)
        }
        guard let stored else { return nil }
        if let channel = stored.channel, channel != message.channel.actor.rawValue {
            throw .conflict("conversation \(message.conversationID) is not available to this channel")
        }
        guard constantTimeEqual(stored.reply.fingerprint, message.fingerprint) else {
            throw .idempotencyKeyReused("this Idempotency-Key was already used for another message in conversation \(message.conversationID)")
        }
        var result: TurnResult
        do { result = try JSONDecoder().decode(TurnResult.self, from: stored.reply.reply) } catch {
            throw .storage("a stored reply could not be read")
        }
        result.replayed = true
        return result
    }

    /// Runs the dialogue's actions in order and returns the replies.
    private func perform(
        _ planned: [DialogueDecision.Action], dialogue: DialoguePolicy, context: ActionContext, tracker: inout Tracker, responder: Responder, seed: Int
    ) async throws(EngineError) -> [String] {
        var replies: [String] = []
        for action in planned {
            switch action {
            case let .respond(name):
                if let reply = responder.render(name, slots: tracker.slots, seed: seed) { replies.append(reply) }
            case let .custom(name):
                guard let custom = actions[name] else {
                    throw .configuration(file: "domain", line: nil, key: "actions", reason: "no implementation for \(name)")
                }
                var current = context
                current.slots = tracker.slots
                let outcome = try await custom.run(current)
                dialogue.apply(outcome.slotChanges, to: &tracker)
                for response in outcome.responses {
                    if let reply = responder.render(response.name, slots: tracker.slots, variables: response.variables, seed: seed) {
                        replies.append(reply)
                    }
                }
                if let form = outcome.resumeForm { dialogue.resume(form: form, tracker: &tracker) }
            }
        }
        return replies
    }

    /// The decision as the audit trail records it: ids, names, numbers; never text.
    /// The review-queue mark of an unsure turn (nil for a confident one).
    private func reviewMark(_ text: String, parse: ParseResult, isFallback: Bool, handoff: Handoff?) async throws(EngineError) -> TurnCommit.Review? {
        guard let reason = review.reason(
            confidence: parse.intent.confidence, margin: parse.ranking.margin, isFallback: isFallback, handoffRule: handoff?.rule
        ) else { return nil }
        let key: SymmetricKey
        do throws(StoreError) { key = try await reviewKey.key() } catch { throw .storage(error.description) }
        let textKey: Data
        do throws(LearningError) { textKey = try review.textKey(text, key: key) } catch { throw .storage(error.description) }
        var generator = SystemRandomNumberGenerator()
        return TurnCommit.Review(
            reason: reason.rawValue, rule: reason == .handoff ? handoff?.rule : nil, textKey: textKey, predictedIntent: parse.intent.name,
            confidence: parse.intent.confidence, margin: parse.ranking.margin, sampled: review.sample(using: &generator),
            maxOpen: review.settings.maxOpen
        )
    }

    private func auditEvents(
        _ message: IncomingMessage, modelVersion: String, parse: ParseResult, redaction: RedactionResult, decision: DialogueDecision, handoff: Handoff?
    ) -> [AuditEvent] {
        let target = AuditTarget.conversation(message.conversationID)
        var details = [
            "status": handoff == nil ? "bot" : "handoff", "model": modelVersion, "intent": parse.intent.name,
            "confidence": String(format: "%.3f", parse.intent.confidence), "fallback": String(decision.isFallback),
            "nlu_stage": parse.stage.rawValue, "out_of_scope": String(parse.outOfScope),
            "actions": decision.actions.map { switch $0 { case let .respond(name), let .custom(name): name } }.joined(separator: ","),
            "entities": Self.counted(parse.entities.map(\.entity)),
            "redacted": Self.counted(redaction.spans.map(\.type.rawValue)),
        ]
        guard let handoff else { return [message.channel.event("turn.handled", target: target, details: details)] }
        details["escalation_rule"] = handoff.rule
        details["queue"] = handoff.queue
        return [
            message.channel.event("turn.handled", target: target, details: details),
            Principal.system.event("handoff.create", target: target, details: ["queue": handoff.queue, "rule": handoff.rule]),
        ]
    }

    /// The stored turns' numbers.
    @discardableResult
    private func commit(
        _ message: IncomingMessage, loaded: LoadedConversation?, customerID: String?, status: ConversationRecord.Status, tracker: Tracker,
        messages: [TurnCommit.Message], handoff: TurnCommit.NewHandoff?, review: TurnCommit.Review? = nil, now: Date, audit events: [AuditEvent],
        result: TurnResult
    ) async throws(EngineError) -> [Int] {
        let encoded: Data
        do { encoded = try JSONEncoder().encode(tracker) } catch { throw .storage("the tracker could not be encoded") }
        var idempotency: IdempotentReply?
        if let key = message.idempotencyKey {
            do { idempotency = IdempotentReply(key: key, fingerprint: message.fingerprint, reply: try JSONEncoder().encode(result)) } catch {
                throw .storage("the reply could not be encoded")
            }
        }
        do {
            var commit = TurnCommit(
                conversationID: message.conversationID, customerID: customerID, channel: message.channel.actor.rawValue, status: status,
                tracker: encoded, messages: messages, handoff: handoff, review: review, now: now,
                audit: { [audit] subject in audit.appends(events.map { $0.naming(subject: subject) }) },
                linkAudit: { [audit] from, to in
                    audit.appends([Principal.system.event("subject.link", target: .conversation(message.conversationID), details: [
                        "from_subject": from, "subject": to, "from_subject_key": "shredded",
                    ])])
                }
            )
            commit.idempotency = idempotency
            // Read at step 2 under this conversation's lock: the commit need not read it again.
            commit.snapshot = loaded.map { .present($0.record) } ?? .absent
            return try await store.commit(commit)
        } catch {
            if case let .conflict(reason) = error { throw .conflict(reason) }
            throw Self.storage(error)
        }
    }

    private func countRedactions(_ redaction: RedactionResult) {
        for span in redaction.spans {
            metrics.increment("parley_redactions_total", labels: ["type": span.type.rawValue, "operator": span.operatorKind.rawValue])
        }
    }

    /// The customer's tier; a customer id the channel named must exist in the
    /// firm's records (no records are created for unknown ids).
    private func customerTier(_ customerID: String?, named: Bool) async throws(EngineError) -> String? {
        guard let customerID else { return nil }
        let customer: Customer?
        do { customer = try await records.customer(id: customerID) } catch { throw .integration(error.description) }
        if customer == nil, named { throw .invalidInput("unknown customer_id") }
        return customer?.tier
    }

    private func initialTracker(_ domain: Domain) -> Tracker {
        var slots: [String: String] = [:]
        for (name, slot) in domain.slots { if let value = slot.initialValue { slots[name] = value } }
        return Tracker(slots: slots)
    }

    private static func decodeTracker(_ data: Data) throws(EngineError) -> Tracker {
        do { return try JSONDecoder().decode(Tracker.self, from: data) } catch {
            throw .storage("a stored conversation state could not be read")
        }
    }

    /// Names with their counts (`EMAIL:2,PHONE:1`), bounded, for audit details.
    static func counted(_ names: [String]) -> String {
        let counts = names.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        let text = counts.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: ",")
        return String(text.prefix(512))
    }

    static func storage(_ error: StoreError) -> EngineError {
        switch error {
        case .subjectErased: .conflict("this conversation was erased; start a new one")
        case .diskFull: .storageFull(error.description)
        default: .storage(error.description)
        }
    }
}
