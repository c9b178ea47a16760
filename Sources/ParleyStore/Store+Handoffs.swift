import Foundation
import GRDB
import ParleyCrypto

/// Counts of open handoffs in one queue.
public struct QueueSummary: Sendable, Hashable, Codable {
    public var queue: String
    public var waiting: Int
    public var claimed: Int
}

extension Store {
    public func queueSummaries() async throws(StoreError) -> [QueueSummary] {
        try await read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT queue,
                       SUM(status = 'waiting') AS waiting,
                       SUM(status = 'claimed') AS claimed
                FROM handoff WHERE status != 'resolved' GROUP BY queue ORDER BY queue
                """)
            return rows.map { QueueSummary(queue: $0["queue"], waiting: $0["waiting"], claimed: $0["claimed"]) }
        }
    }

    /// Open handoffs, oldest first, optionally of one queue.
    public func openHandoffs(queue: String? = nil, limit: Int = 100) async throws(StoreError) -> [HandoffRecord] {
        try await read { db in
            var request = HandoffRecord.filter(HandoffRecord.Columns.status != HandoffRecord.Status.resolved.rawValue)
            if let queue { request = request.filter(HandoffRecord.Columns.queue == queue) }
            return try request.order(HandoffRecord.Columns.createdAt).limit(limit).fetchAll(db)
        }
    }

    /// Whether the conversation was ever handed to people.
    public func hasHandoff(conversationID: String) async throws(StoreError) -> Bool {
        try await read { db in
            try HandoffRecord.filter(HandoffRecord.Columns.conversationID == conversationID).isEmpty(db) == false
        }
    }

    /// The open handoff of a conversation, if any.
    public func openHandoff(conversationID: String) async throws(StoreError) -> HandoffRecord? {
        try await read { db in try Self.openHandoff(db, conversationID) }
    }

    /// An agent takes a waiting conversation. Claiming again by the same agent
    /// is a no-op; a conversation held by another agent is a conflict.
    public func claim(conversationID: String, agent: String, now: Date, audit: [AuditAppend] = []) async throws(StoreError) -> HandoffRecord {
        try await write { db in
            guard var handoff = try Self.openHandoff(db, conversationID) else {
                throw StoreError.notFound("open handoff for conversation \(conversationID)")
            }
            if handoff.status == .claimed {
                guard handoff.claimedBy == agent else {
                    throw StoreError.conflict("conversation \(conversationID) is already claimed by another agent")
                }
                return handoff
            }
            handoff.status = .claimed
            handoff.claimedBy = agent
            handoff.claimedAt = now
            try handoff.update(db)
            try Self.appendAudit(audit, db)
            return handoff
        }
    }

    /// Stores an agent's (redacted) reply; only the agent holding the conversation may reply.
    public func agentReply(conversationID: String, agent: String, text: String, now: Date, audit: [AuditAppend] = []) async throws(StoreError) -> Int {
        let subjectID = try await requireHeld(conversationID, by: agent).subjectID
        let key = try await subjectKey(subjectID)
        return try await write { db in
            try Self.requireHeld(db, conversationID, by: agent)
            guard var conversation = try ConversationRecord.fetch(db, id: conversationID) else {
                throw StoreError.notFound("conversation \(conversationID)")
            }
            try Self.requireSubject(subjectID, of: conversation)
            let seq = conversation.turnCount + 1
            var turn = TurnRecord(
                id: nil, conversationID: conversationID, seq: seq, role: Role.agent.rawValue,
                sealedText: try SealedField.sealString(text, key: key, context: SealedField.turn(conversationID, seq)),
                intent: nil, confidence: nil, author: agent, createdAt: now
            )
            try turn.insert(db)
            conversation.turnCount = seq
            conversation.updatedAt = now
            try conversation.update(db)
            try Self.appendAudit(audit, db)
            return seq
        }
    }

    /// Closes the handoff with the agent's feedback and hands the conversation back to the bot.
    ///
    /// The message that triggered the handoff gets the intent as its label
    /// (source `feedback`, by `labelledBy`), replacing an earlier label;
    /// `proposesIntent` records an intent the domain does not know yet as a candidate.
    public func resolve(
        conversationID: String, agent: String, correctIntent: String, note: String?, now: Date, audit: [AuditAppend] = [],
        labelledBy: String? = nil, proposesIntent: Bool = false
    ) async throws(StoreError) -> HandoffRecord {
        let subjectID = try await requireHeld(conversationID, by: agent).subjectID
        let key = try await subjectKey(subjectID)
        return try await write { db in
            try Self.requireHeld(db, conversationID, by: agent)
            guard let conversation = try ConversationRecord.fetch(db, id: conversationID) else {
                throw StoreError.notFound("conversation \(conversationID)")
            }
            try Self.requireSubject(subjectID, of: conversation)
            guard var handoff = try Self.openHandoff(db, conversationID), let handoffID = handoff.id else {
                throw StoreError.notFound("open handoff for conversation \(conversationID)")
            }
            let predicted = try handoff.turnID.flatMap { try TurnRecord.fetchOne(db, key: $0)?.intent }
            var feedback = FeedbackRecord(
                id: nil, conversationID: conversationID, handoffID: handoffID, turnID: handoff.turnID,
                predictedIntent: predicted, correctIntent: correctIntent,
                sealedNote: try note.map { try SealedField.sealString($0, key: key, context: SealedField.note(conversationID, handoffID: handoffID)) },
                agent: agent, createdAt: now
            )
            try feedback.insert(db)
            if let turnID = handoff.turnID, let turn = try TurnRecord.fetchOne(db, key: turnID), !turn.sealedText.isEmpty {
                try db.execute(sql: "DELETE FROM label WHERE turn_id = ?", arguments: [turnID])
                try db.execute(sql: """
                    INSERT INTO label (turn_id, conversation_id, seq, source, intent, predicted_intent, labelled_by, labelled_at, feedback_id)
                    VALUES (?, ?, ?, 'feedback', ?, ?, ?, ?, ?)
                    """, arguments: [turnID, conversationID, turn.seq, correctIntent, predicted, labelledBy ?? agent, now, feedback.id])
                try db.execute(
                    sql: "UPDATE review_item SET status = 'labelled', closed_at = ?, closed_by = ? WHERE turn_id = ? AND status = 'open'",
                    arguments: [now, labelledBy ?? agent, turnID]
                )
            }
            if proposesIntent {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO candidate_intent (name, status, proposed_by, proposed_at) VALUES (?, 'pending', ?, ?)",
                    arguments: [correctIntent, labelledBy ?? agent, now]
                )
            }
            handoff.status = .resolved
            handoff.resolvedAt = now
            try handoff.update(db)
            try db.execute(
                sql: "UPDATE conversation SET status = 'bot', updated_at = ? WHERE id = ?",
                arguments: [now, conversationID]
            )
            try Self.appendAudit(audit, db)
            return handoff
        }
    }

    /// Feedback examples for the learning loop: the message an agent
    /// re-labelled, unsealed, with the intent it should have had and the
    /// pseudonymous subject it came from (for lineage). Examples of erased
    /// subjects, and of text removed by retention, are skipped.
    public func feedbackExamples() async throws(StoreError) -> [FeedbackExample] {
        let rows = try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT f.correct_intent, t.text, t.seq, c.id AS conversation_id, c.subject_id
                FROM feedback f JOIN turn t ON t.id = f.turn_id JOIN conversation c ON c.id = f.conversation_id
                WHERE length(t.text) > 0
                ORDER BY f.id
                """).map { row -> (String, Data, Int, String, String) in
                (row["correct_intent"], row["text"], row["seq"], row["conversation_id"], row["subject_id"])
            }
        }
        var examples: [FeedbackExample] = []
        for (intent, sealed, seq, conversationID, subjectID) in rows {
            let key: SymmetricKey?
            do { key = try await keyring.key(for: subjectID) } catch { throw Self.map(error) }
            guard let key else { continue }
            do {
                let text = try SealedField.openString(sealed, key: key, context: SealedField.turn(conversationID, seq))
                examples.append(FeedbackExample(text: text, intent: intent, subjectID: subjectID))
            } catch {
                throw Self.map(error)
            }
        }
        return examples
    }

    private func requireHeld(_ conversationID: String, by agent: String) async throws(StoreError) -> ConversationRecord {
        try await read { db in try Self.requireHeld(db, conversationID, by: agent) }
    }

    /// Checked before the work and again inside the write transaction.
    @discardableResult
    static func requireHeld(_ db: Database, _ conversationID: String, by agent: String) throws -> ConversationRecord {
        guard let conversation = try ConversationRecord.fetch(db, id: conversationID) else {
            throw StoreError.notFound("conversation \(conversationID)")
        }
        guard let handoff = try openHandoff(db, conversationID) else {
            throw StoreError.conflict("conversation \(conversationID) has no open handoff")
        }
        guard handoff.status == .claimed, handoff.claimedBy == agent else {
            throw StoreError.conflict("conversation \(conversationID) must be claimed by this agent first")
        }
        return conversation
    }

    static func openHandoff(_ db: Database, _ conversationID: String) throws -> HandoffRecord? {
        try HandoffRecord
            .filter(HandoffRecord.Columns.conversationID == conversationID)
            .filter(HandoffRecord.Columns.status != HandoffRecord.Status.resolved.rawValue)
            .order(HandoffRecord.Columns.createdAt.desc)
            .fetchOne(db)
    }
}
