import Foundation
import ParleyAudit
import ParleyEscalation
import ParleyStore

/// A queue with its open handoffs counted.
public struct QueueView: Sendable, Codable, Hashable {
    public var name: String
    public var description: String
    public var waiting: Int
    public var claimed: Int
}

/// What agents see of a conversation.
public struct Transcript: Sendable {
    public var conversationID: String
    public var status: TurnResult.Status
    public var turns: [StoredTurn]
    public var handoff: HandoffRecord?
}

extension ParleyEngine {
    public func queues() async throws(EngineError) -> [QueueView] {
        let summaries: [QueueSummary]
        do { summaries = try await store.queueSummaries() } catch { throw TurnPipeline.storage(error) }
        return escalation.queues.map { queue in
            let summary = summaries.first { $0.queue == queue.name }
            return QueueView(name: queue.name, description: queue.description, waiting: summary?.waiting ?? 0, claimed: summary?.claimed ?? 0)
        }
    }

    public func openHandoffs(queue: String?) async throws(EngineError) -> [HandoffRecord] {
        if let queue, escalation.queue(named: queue) == nil { throw .notFound("queue \(queue)") }
        do { return try await store.openHandoffs(queue: queue) } catch { throw TurnPipeline.storage(error) }
    }

    public func claim(conversationID: String, agent: AuthenticatedCaller) async throws(EngineError) -> HandoffRecord {
        try Identifier.validate(conversationID, what: "conversation id")
        let handoff: HandoffRecord
        do { handoff = try await store.claim(conversationID: conversationID, agent: agent.tokenID, now: clock()) } catch {
            await recordFailure(.token(agent), "handoff.claim", conversationID, error)
            throw Self.map(error)
        }
        try await record(.token(agent), "handoff.claim", conversationID, details: ["queue": handoff.queue])
        logger.info("handoff claimed", metadata: ["conversation.id": "\(conversationID)", "agent.token": "\(agent.tokenID)"])
        return handoff
    }

    /// Stores the agent's reply; the customer's channel fetches it with ``replies(conversationID:after:)``.
    public func agentReply(conversationID: String, agent: AuthenticatedCaller, text: String) async throws(EngineError) -> Int {
        try Identifier.validate(conversationID, what: "conversation id")
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, text.count <= IncomingMessage.maxTextLength else {
            throw .invalidInput("text must be 1-\(IncomingMessage.maxTextLength) characters")
        }
        let redacted = redactor.redact(text).redactedText
        let seq: Int
        do { seq = try await store.agentReply(conversationID: conversationID, agent: agent.tokenID, text: redacted, now: clock()) } catch {
            await recordFailure(.token(agent), "conversation.reply", conversationID, error)
            throw Self.map(error)
        }
        try await record(.token(agent), "conversation.reply", conversationID, details: ["seq": String(seq)])
        return seq
    }

    /// Closes the handoff with feedback for the learning loop: the intent the
    /// message really had (it must be one the bot knows) and a note.
    public func resolve(
        conversationID: String, agent: AuthenticatedCaller, correctIntent: String, note: String?
    ) async throws(EngineError) -> HandoffRecord {
        try Identifier.validate(conversationID, what: "conversation id")
        guard bot.domain.intents.contains(correctIntent) else {
            throw .invalidInput("intent '\(correctIntent)' is not one of the bot's intents")
        }
        if let note, note.count > IncomingMessage.maxTextLength {
            throw .invalidInput("note is longer than \(IncomingMessage.maxTextLength) characters")
        }
        let redactedNote = note.map { redactor.redact($0).redactedText }
        let handoff: HandoffRecord
        do {
            handoff = try await store.resolve(
                conversationID: conversationID, agent: agent.tokenID, correctIntent: correctIntent, note: redactedNote, now: clock()
            )
        } catch {
            await recordFailure(.token(agent), "handoff.resolve", conversationID, error)
            throw Self.map(error)
        }
        metrics.increment("parley_resolutions_total", labels: ["queue": handoff.queue])
        try await record(.token(agent), "handoff.resolve", conversationID, details: [
            "queue": handoff.queue, "correct_intent": correctIntent, "note": note == nil ? "none" : "sealed",
        ])
        logger.info("handoff resolved", metadata: ["conversation.id": "\(conversationID)", "agent.token": "\(agent.tokenID)"])
        return handoff
    }

    /// The transcript for an agent or admin: the read itself is audited.
    public func transcript(conversationID: String, readBy reader: AuthenticatedCaller) async throws(EngineError) -> Transcript {
        do {
            let transcript = try await transcript(conversationID: conversationID)
            try await record(.token(reader), "conversation.read", conversationID, details: ["turns": String(transcript.turns.count)])
            return transcript
        } catch {
            await recordFailure(.token(reader), "conversation.read", conversationID, error)
            throw error
        }
    }

    public func transcript(conversationID: String, afterSeq: Int = 0) async throws(EngineError) -> Transcript {
        try Identifier.validate(conversationID, what: "conversation id")
        do {
            guard let (conversation, turns) = try await store.transcript(conversationID, afterSeq: afterSeq) else {
                throw EngineError.notFound("conversation \(conversationID)")
            }
            let handoff = try await store.openHandoff(conversationID: conversationID)
            return Transcript(
                conversationID: conversationID, status: conversation.status == .handoff ? .handoff : .bot,
                turns: turns, handoff: handoff
            )
        } catch let error as EngineError {
            throw error
        } catch let error as StoreError {
            throw Self.map(error)
        } catch {
            throw .storage("transcript could not be read")
        }
    }

    func record(_ principal: Principal, _ action: String, _ conversationID: String, details: [String: String] = [:]) async throws(EngineError) {
        do { try await audit.record(principal.event(action, target: .conversation(conversationID), details: details)) } catch {
            throw .storage(error.description)
        }
    }

    /// A refused or failed action is audited too; the audit failure itself is
    /// logged (the caller's error is what the caller sees).
    func recordFailure(_ principal: Principal, _ action: String, _ conversationID: String, _ error: any Error) async {
        let outcome: AuditOutcome = switch error {
        case StoreError.conflict, EngineError.conflict: .denied
        default: .failure
        }
        let reason = switch error {
        case StoreError.notFound, EngineError.notFound: "not_found"
        case StoreError.conflict, EngineError.conflict: "conflict"
        default: "error"
        }
        do {
            try await audit.record(principal.event(action, target: .conversation(conversationID), outcome: outcome, details: ["reason": reason]))
        } catch {
            logger.error("audit entry could not be written", metadata: ["audit.action": "\(action)"])
        }
    }

    static func map(_ error: StoreError) -> EngineError {
        switch error {
        case let .notFound(what): .notFound(what)
        case let .conflict(reason): .conflict(reason)
        default: .storage(error.description)
        }
    }
}
