import Foundation
import GRDB
import ParleyCrypto

extension SealedField {
    static func agentNote(_ conversationID: String, _ noteID: String) -> [UInt8] {
        Array("parley.agent-note.v1|\(conversationID)|\(noteID)".utf8)
    }
}

extension Store {
    /// Stores an agent's (redacted) internal note on a conversation that was
    /// handed to people, sealed under its subject's key, with its audit entries.
    public func addAgentNote(conversationID: String, author: String, text: String, now: Date, audit: [AuditAppend] = []) async throws(StoreError) -> AgentNote {
        guard let conversation = try await read({ db in try ConversationRecord.fetch(db, id: conversationID) }) else {
            throw .notFound("conversation \(conversationID)")
        }
        let key = try await subjectKey(conversation.subjectID)
        let id: String
        do { id = Hex.encode(try RandomBytes.generate(count: 12)) } catch { throw Self.map(error) }
        try await write { db in
            guard let current = try ConversationRecord.fetch(db, id: conversationID) else {
                throw StoreError.notFound("conversation \(conversationID)")
            }
            try Self.requireSubject(conversation.subjectID, of: current)
            guard try HandoffRecord.filter(HandoffRecord.Columns.conversationID == conversationID).isEmpty(db) == false else {
                throw StoreError.conflict("conversation \(conversationID) was never handed to an agent")
            }
            try AgentNoteRecord(
                id: id, conversationID: conversationID, author: author,
                sealedText: try SealedField.sealString(text, key: key, context: SealedField.agentNote(conversationID, id)), createdAt: now
            ).insert(db)
            try Self.appendAudit(audit, db)
        }
        return AgentNote(id: id, conversationID: conversationID, author: author, text: text, at: now)
    }

    /// A conversation's notes, oldest first.
    public func agentNotes(conversationID: String) async throws(StoreError) -> [AgentNote] {
        let (subjectID, records) = try await read { db -> (String?, [AgentNoteRecord]) in
            let subject = try ConversationRecord.fetch(db, id: conversationID)?.subjectID
            let notes = try AgentNoteRecord.filter(Column("conversation_id") == conversationID).order(Column("created_at"), Column("id")).fetchAll(db)
            return (subject, notes)
        }
        guard let subjectID, !records.isEmpty else { return [] }
        let key: SymmetricKey?
        do { key = try await keyring.key(for: subjectID) } catch { throw Self.map(error) }
        var notes: [AgentNote] = []
        for record in records {
            var text: String?
            if let key, !record.sealedText.isEmpty {
                do { text = try SealedField.openString(record.sealedText, key: key, context: SealedField.agentNote(conversationID, record.id)) } catch {
                    throw Self.map(error)
                }
            }
            notes.append(AgentNote(id: record.id, conversationID: conversationID, author: record.author, text: text, at: record.createdAt))
        }
        return notes
    }
}
