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
    public func queues(readBy reader: AuthenticatedCaller) async throws(EngineError) -> [QueueView] {
        let summaries: [QueueSummary]
        do { summaries = try await store.queueSummaries() } catch { throw TurnPipeline.storage(error) }
        do { try await audit.record(Principal.token(reader).event("queue.list")) } catch { throw .storage(error.description) }
        return escalation.queues.map { queue in
            let summary = summaries.first { $0.queue == queue.name }
            return QueueView(name: queue.name, description: queue.description, waiting: summary?.waiting ?? 0, claimed: summary?.claimed ?? 0)
        }
    }

    public func openHandoffs(queue: String?, readBy reader: AuthenticatedCaller) async throws(EngineError) -> [HandoffRecord] {
        if let queue, escalation.queue(named: queue) == nil { throw .notFound("queue \(queue)") }
        let handoffs: [HandoffRecord]
        do { handoffs = try await store.openHandoffs(queue: queue) } catch { throw TurnPipeline.storage(error) }
        do {
            try await audit.record(Principal.token(reader).event("queue.read", details: ["queue": queue ?? "all", "handoffs": String(handoffs.count)]))
        } catch { throw .storage(error.description) }
        return handoffs
    }

    public func claim(conversationID: String, agent: AuthenticatedCaller) async throws(EngineError) -> HandoffRecord {
        try Identifier.validate(conversationID, what: "conversation id")
        // One operation at a time per conversation, customer turns included.
        return try await pipeline.locks.withLock(conversationID) { () async throws(EngineError) -> HandoffRecord in
            let queue = try await openQueue(conversationID)
            let event = try await naming(
                Principal.token(agent).event("handoff.claim", target: .conversation(conversationID), details: ["queue": queue]),
                subjectOf: conversationID
            )
            let handoff: HandoffRecord
            do throws(StoreError) {
                handoff = try await store.claim(conversationID: conversationID, agent: agent.tokenID, now: clock(), audit: audit.appends([event]))
            } catch {
                await recordFailure(.token(agent), "handoff.claim", conversationID, error)
                throw Self.map(error)
            }
            logger.info("handoff claimed", metadata: ["conversation.id": "\(conversationID)", "agent.token": "\(agent.tokenID)"])
            events.publish(.handoff(handoff))
            return handoff
        }
    }

    /// The queue of the conversation's open handoff ("none" when there is none; the store then refuses the operation).
    private func openQueue(_ conversationID: String) async throws(EngineError) -> String {
        do { return try await store.openHandoff(conversationID: conversationID)?.queue ?? "none" } catch { throw Self.map(error) }
    }

    /// Stores the agent's reply; the customer's channel fetches it with ``replies(conversationID:after:)``.
    public func agentReply(conversationID: String, agent: AuthenticatedCaller, text: String) async throws(EngineError) -> Int {
        guard case let .sent(seq) = try await agentReply(conversationID: conversationID, agent: agent, text: text, seenThrough: nil) else {
            throw .conflict("the customer wrote since")  // Not reached: without seenThrough nothing is compared.
        }
        return seq
    }

    /// Closes the handoff with feedback for the learning loop: the intent the
    /// message really had, which labels that message, and a note. The intent
    /// must be one the bot knows, or be proposed as new (`newIntent`): it then
    /// waits as a candidate until an admin adds it to the domain or maps it.
    public func resolve(
        conversationID: String, agent: AuthenticatedCaller, correctIntent: String, note: String?, newIntent: Bool = false
    ) async throws(EngineError) -> HandoffRecord {
        try Identifier.validate(conversationID, what: "conversation id")
        let proposes: Bool
        if bot.domain.intents.contains(correctIntent) {
            proposes = false
        } else if newIntent {
            proposes = try await learning.checkLabelIntent(correctIntent, newIntent: true)
        } else {
            throw .invalidInput("intent is not one of the bot's intents (to propose a new intent, set new_intent)")
        }
        if let note, note.unicodeScalars.count > IncomingMessage.maxTextLength {
            throw .invalidInput("note is longer than \(IncomingMessage.maxTextLength) characters")
        }
        let redactedNote = note.map { redactor.redact($0).redactedText }
        let handoff = try await pipeline.locks.withLock(conversationID) { () async throws(EngineError) -> HandoffRecord in
            let queue = try await openQueue(conversationID)
            let event = try await naming(Principal.token(agent).event("handoff.resolve", target: .conversation(conversationID), details: [
                "queue": queue, "correct_intent": correctIntent, "note": note == nil ? "none" : "sealed", "new_intent": String(proposes),
            ]), subjectOf: conversationID)
            do throws(StoreError) {
                return try await store.resolve(
                    conversationID: conversationID, agent: agent.tokenID, correctIntent: correctIntent, note: redactedNote,
                    now: clock(), audit: audit.appends([event]), labelledBy: Principal.token(agent).actor.rawValue, proposesIntent: proposes
                )
            } catch {
                await recordFailure(.token(agent), "handoff.resolve", conversationID, error)
                throw Self.map(error)
            }
        }
        events.publish(.handoff(handoff))
        metrics.increment("parley_resolutions_total", labels: ["queue": handoff.queue])
        logger.info("handoff resolved", metadata: ["conversation.id": "\(conversationID)", "agent.token": "\(agent.tokenID)"])
        return handoff
    }

    /// The transcript for an agent or admin: the read itself is audited.
    /// Agents read only conversations that were handed to people; admins read any.
    public func transcript(conversationID: String, readBy reader: AuthenticatedCaller) async throws(EngineError) -> Transcript {
        do throws(EngineError) {
            if reader.role == .agent {
                let handedOff: Bool
                do { handedOff = try await store.hasHandoff(conversationID: conversationID) } catch { throw Self.map(error) }
                guard handedOff else { throw EngineError.notFound("conversation \(conversationID)") }
            }
            let transcript = try await transcript(conversationID: conversationID)
            try await record(.token(reader), "conversation.read", conversationID, details: ["turns": String(transcript.turns.count)])
            return transcript
        } catch {
            await recordFailure(.token(reader), "conversation.read", conversationID, error)
            throw error
        }
    }

    /// What the customer's channel may fetch: bot and agent replies after a
    /// turn, only for the channel that started the conversation.
    public func replies(conversationID: String, afterSeq: Int, channel: Principal) async throws(EngineError) -> Transcript {
        let transcript = try await transcript(conversationID: conversationID, afterSeq: afterSeq)
        let owner: String?
        do { owner = try await store.loadConversation(conversationID)?.record.channel } catch { throw Self.map(error) }
        guard owner == nil || owner == channel.actor.rawValue else {
            throw .notFound("conversation \(conversationID)")
        }
        return transcript
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
        let event = try await naming(principal.event(action, target: .conversation(conversationID), details: details), subjectOf: conversationID)
        do { try await audit.record(event) } catch {
            throw .storage(error.description)
        }
    }

    /// The event naming the pseudonymous subject the conversation is stored
    /// under (read under the conversation's lock, or for a read-only action).
    func naming(_ event: AuditEvent, subjectOf conversationID: String) async throws(EngineError) -> AuditEvent {
        let subject: String?
        do { subject = try await store.subjectID(ofConversation: conversationID) } catch { throw Self.map(error) }
        return subject.map { event.naming(subject: $0) } ?? event
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
        // An agent acting on a conversation whose customer was erased (a note, a reply): refused, not a server fault.
        case .subjectErased: .conflict("this conversation's customer data was erased")
        case .diskFull: .storageFull(error.description)
        default: .storage(error.description)
        }
    }
}
