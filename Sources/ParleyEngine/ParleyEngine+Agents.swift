import Foundation
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
        do {
            let handoff = try await store.claim(conversationID: conversationID, agent: agent.tokenID, now: clock())
            logger.info("handoff claimed", metadata: ["conversation.id": "\(conversationID)", "agent.token": "\(agent.tokenID)"])
            return handoff
        } catch {
            throw Self.map(error)
        }
    }

    /// Stores the agent's reply; the customer's channel fetches it with ``replies(conversationID:after:)``.
    public func agentReply(conversationID: String, agent: AuthenticatedCaller, text: String) async throws(EngineError) -> Int {
        try Identifier.validate(conversationID, what: "conversation id")
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, text.count <= IncomingMessage.maxTextLength else {
            throw .invalidInput("text must be 1-\(IncomingMessage.maxTextLength) characters")
        }
        let redacted = redactor.redact(text).redactedText
        do {
            return try await store.agentReply(conversationID: conversationID, agent: agent.tokenID, text: redacted, now: clock())
        } catch {
            throw Self.map(error)
        }
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
        do {
            let handoff = try await store.resolve(
                conversationID: conversationID, agent: agent.tokenID, correctIntent: correctIntent, note: redactedNote, now: clock()
            )
            metrics.increment("parley_resolutions_total", labels: ["queue": handoff.queue])
            logger.info("handoff resolved", metadata: ["conversation.id": "\(conversationID)", "agent.token": "\(agent.tokenID)"])
            return handoff
        } catch {
            throw Self.map(error)
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

    static func map(_ error: StoreError) -> EngineError {
        switch error {
        case let .notFound(what): .notFound(what)
        case let .conflict(reason): .conflict(reason)
        default: .storage(error.description)
        }
    }
}
