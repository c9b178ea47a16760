import Foundation
import ParleyAudit
import ParleyStore

extension ParleyEngine {
    /// Adds an agent's internal note (never shown to the customer) to a
    /// conversation that was handed to people. It is redacted like a reply and
    /// sealed under the customer's key; the audit entry holds no text.
    public func addNote(conversationID: String, agent: AuthenticatedCaller, text: String) async throws(EngineError) -> AgentNote {
        try Identifier.validate(conversationID, what: "conversation id")
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, text.count <= IncomingMessage.maxTextLength else {
            throw .invalidInput("a note must be 1-\(IncomingMessage.maxTextLength) characters")
        }
        let redacted = redactor.redact(text).redactedText
        let note = try await pipeline.locks.withLock(conversationID) { () async throws(EngineError) -> AgentNote in
            let event = try await naming(
                Principal.token(agent).event("conversation.note", target: .conversation(conversationID)), subjectOf: conversationID
            )
            do throws(StoreError) {
                return try await store.addAgentNote(
                    conversationID: conversationID, author: agent.tokenID, text: redacted, now: clock(), audit: audit.appends([event])
                )
            } catch {
                await recordFailure(.token(agent), "conversation.note", conversationID, error)
                throw Self.map(error)
            }
        }
        events.publish(.note(conversationID: conversationID))
        return note
    }

    /// A conversation's internal notes, for the agent reading it (as part of
    /// that read: ``transcript(conversationID:readBy:)`` records it).
    public func notes(conversationID: String) async throws(EngineError) -> [AgentNote] {
        try Identifier.validate(conversationID, what: "conversation id")
        do { return try await store.agentNotes(conversationID: conversationID) } catch { throw Self.map(error) }
    }

    /// Token ids to the names agents gave them (who holds a conversation, who wrote a note).
    public func tokenNames() async throws(EngineError) -> [String: String] {
        do {
            return Dictionary(try await store.tokens().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        } catch { throw Self.map(error) }
    }
}
