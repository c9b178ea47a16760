import Foundation
import ParleyAudit
import ParleyStore

/// What became of an agent's reply.
public enum AgentReplyOutcome: Sendable, Hashable {
    /// Stored as this turn.
    case sent(seq: Int)
    /// Not sent: the customer wrote `count` messages after the turn the agent
    /// had seen, the newest being `newest`. Sent again with that number once the
    /// agent has read them (and still means it).
    case customerWroteSince(count: Int, newest: Int)
}

extension ParleyEngine {
    /// Stores the agent's reply, unless the customer wrote after turn
    /// `seenThrough` (the newest turn on the agent's screen; nil: no check).
    /// The check and the write happen under the conversation's lock, so a
    /// customer message cannot slip in between.
    public func agentReply(
        conversationID: String, agent: AuthenticatedCaller, text: String, seenThrough: Int?
    ) async throws(EngineError) -> AgentReplyOutcome {
        try Identifier.validate(conversationID, what: "conversation id")
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, text.unicodeScalars.count <= IncomingMessage.maxTextLength else {
            throw .invalidInput("text must be 1-\(IncomingMessage.maxTextLength) characters")
        }
        if let seenThrough, seenThrough < 0 { throw .invalidInput("seen_seq must be a turn number (0 or more)") }
        let redacted = redactor.redact(text).redactedText
        let outcome = try await pipeline.locks.withLock(conversationID) { () async throws(EngineError) -> AgentReplyOutcome in
            if let seenThrough {
                let newer: (count: Int, newest: Int?)
                do throws(StoreError) { newer = try await store.customerTurns(conversationID: conversationID, after: seenThrough) } catch { throw Self.map(error) }
                if newer.count > 0, let newest = newer.newest { return .customerWroteSince(count: newer.count, newest: newest) }
            }
            let event = try await naming(
                Principal.token(agent).event("conversation.reply", target: .conversation(conversationID)), subjectOf: conversationID
            )
            do throws(StoreError) {
                return .sent(seq: try await store.agentReply(
                    conversationID: conversationID, agent: agent.tokenID, text: redacted, now: clock(), audit: audit.appends([event])
                ))
            } catch {
                await recordFailure(.token(agent), "conversation.reply", conversationID, error)
                throw Self.map(error)
            }
        }
        if case let .sent(seq) = outcome { events.publish(.turn(conversationID: conversationID, seq: seq, role: .agent)) }
        return outcome
    }
}
