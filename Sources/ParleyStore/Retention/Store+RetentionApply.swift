import Foundation
import GRDB
import ParleyCrypto

extension Store {
    /// Deletes items of a category (ids as ``retentionItems(_:after:limit:)``
    /// gives them) in one transaction, with the audit entries `audit` builds
    /// from the counts. Deleting a conversation deletes everything of it
    /// (turns, state, vault, notes, feedback, handoffs); deleting a resolved
    /// handoff deletes its feedback with it. A conversation's own (anonymous)
    /// subject left without conversations has its key shredded afterwards.
    /// Unknown ids are skipped (another run removed them first).
    public func retentionDelete(
        _ category: DataCategory, ids: [String], now: Date, audit: @escaping @Sendable (RetentionCounts) -> [AuditAppend] = { _ in [] }
    ) async throws(StoreError) -> RetentionCounts {
        guard !ids.isEmpty else { return RetentionCounts() }
        let (counts, orphans) = try await write { db -> (RetentionCounts, [String]) in
            var counts = RetentionCounts()
            var orphans: [String] = []
            switch category {
            case .conversations:
                counts.add(try Self.countContents(db, conversations: ids))
                let subjects = try SQLRequest<String>(literal: """
                    SELECT DISTINCT c.subject_id FROM conversation c JOIN subject s ON s.id = c.subject_id
                    WHERE c.id IN \(ids) AND s.customer_id IS NULL
                    """).fetchAll(db)
                try db.execute(literal: "DELETE FROM conversation WHERE id IN \(ids)")
                counts.deleted = db.changesCount
                orphans = try Self.subjectsWithoutConversations(db, subjects)
            case .vault:
                try db.execute(literal: "DELETE FROM pii_vault WHERE id IN \(ids.compactMap(Int64.init))")
                counts.deleted = db.changesCount
                counts.vault = counts.deleted
            case .agentNotes:
                let turns = ids.compactMap { $0.hasPrefix("turn:") ? Int64($0.dropFirst(5)) : nil }
                let notes = ids.compactMap { $0.hasPrefix("note:") ? Int64($0.dropFirst(5)) : nil }
                if !turns.isEmpty {
                    try db.execute(literal: "UPDATE turn SET text = X'' WHERE role = 'agent' AND length(text) > 0 AND id IN \(turns)")
                    counts.turns = db.changesCount
                }
                if !notes.isEmpty {
                    try db.execute(literal: "UPDATE feedback SET note = NULL WHERE note IS NOT NULL AND id IN \(notes)")
                    counts.notes = db.changesCount
                }
                counts.deleted = counts.turns + counts.notes
            case .feedback:
                try db.execute(literal: "DELETE FROM feedback WHERE id IN \(ids.compactMap(Int64.init))")
                counts.deleted = db.changesCount
                counts.feedback = counts.deleted
            case .handoffs:
                let rows = ids.compactMap(Int64.init)
                counts.feedback = try SQLRequest<Int>(literal: "SELECT count(*) FROM feedback WHERE handoff_id IN \(rows)").fetchOne(db) ?? 0
                try db.execute(literal: "DELETE FROM handoff WHERE status = 'resolved' AND id IN \(rows)")
                counts.deleted = db.changesCount
                counts.handoffs = counts.deleted
            case .crm:
                let orders = ids.compactMap { $0.hasPrefix("order:") ? String($0.dropFirst(6)) : nil }
                let tickets = ids.compactMap { $0.hasPrefix("ticket:") ? String($0.dropFirst(7)) : nil }
                if !orders.isEmpty {
                    try db.execute(literal: "DELETE FROM crm_order WHERE number IN \(orders)")
                    counts.deleted += db.changesCount
                }
                if !tickets.isEmpty {
                    try db.execute(literal: "DELETE FROM crm_ticket WHERE id IN \(tickets)")
                    counts.deleted += db.changesCount
                }
            case .models, .audit:
                throw StoreError.invalid("\(category.rawValue) are not rows of the store")
            }
            try Self.appendAudit(audit(counts), db)
            return (counts, orphans)
        }
        var result = counts
        try await shred(subjectIDs: orphans, now: now)
        result.subjectsShredded = orphans.count
        return result
    }

    /// Anonymizes conversations in one transaction: turn text, dialogue state,
    /// vaulted values and resolution notes are removed; the shape (roles,
    /// intents, confidences, times, handoff queues, rules and outcomes, the
    /// feedback's intents) stays, under a new keyless subject, so nothing ties
    /// it to its customer any more. Their own (anonymous) subjects are shredded
    /// afterwards; a customer's subject keeps its key while other conversations
    /// of theirs remain.
    public func retentionAnonymize(
        conversations ids: [String], now: Date, audit: @escaping @Sendable (RetentionCounts) -> [AuditAppend] = { _ in [] }
    ) async throws(StoreError) -> RetentionCounts {
        guard !ids.isEmpty else { return RetentionCounts() }
        var placeholders: [String: String] = [:]
        for id in ids {
            do { placeholders[id] = "sub_" + Hex.encode(try RandomBytes.generate(count: 12)) } catch { throw Self.map(error) }
        }
        let subjects = placeholders
        let (counts, orphans) = try await write { db -> (RetentionCounts, [String]) in
            var counts = RetentionCounts()
            let contents = try Self.countContents(db, conversations: ids)
            counts.turns = contents.turns
            counts.vault = contents.vault
            counts.notes = contents.notes
            let previous = try SQLRequest<Row>(literal: """
                SELECT c.id, c.subject_id, s.customer_id FROM conversation c JOIN subject s ON s.id = c.subject_id
                WHERE c.id IN \(ids) AND c.anonymized_at IS NULL
                """).fetchAll(db)
            try db.execute(literal: "UPDATE turn SET text = X'' WHERE conversation_id IN \(ids)")
            try db.execute(literal: "DELETE FROM pii_vault WHERE conversation_id IN \(ids)")
            try db.execute(literal: "UPDATE feedback SET note = NULL WHERE conversation_id IN \(ids)")
            try db.execute(literal: "DELETE FROM agent_note WHERE conversation_id IN \(ids)")
            for row in previous {
                let conversation: String = row["id"]
                guard let subject = subjects[conversation] else { continue }
                try db.execute(sql: "INSERT INTO subject (id, customer_id, created_at, erased_at) VALUES (?, NULL, ?, ?)", arguments: [subject, now, now])
                try db.execute(
                    sql: "UPDATE conversation SET subject_id = ?, customer_id = NULL, tracker = NULL, anonymized_at = ? WHERE id = ?",
                    arguments: [subject, now, conversation]
                )
                counts.anonymized += 1
            }
            let anonymous = previous.compactMap { row -> String? in (row["customer_id"] as String?) == nil ? row["subject_id"] : nil }
            let orphans = try Self.subjectsWithoutConversations(db, Array(Set(anonymous)))
            try Self.appendAudit(audit(counts), db)
            return (counts, orphans)
        }
        var result = counts
        try await shred(subjectIDs: orphans, now: now)
        result.subjectsShredded = orphans.count
        return result
    }

    /// How many turns, vaulted values, notes, feedback rows and handoffs the conversations hold.
    static func countContents(_ db: Database, conversations ids: [String]) throws -> RetentionCounts {
        var counts = RetentionCounts()
        let row = try SQLRequest<Row>(literal: """
            SELECT (SELECT count(*) FROM turn WHERE conversation_id IN \(ids)),
                   (SELECT count(*) FROM pii_vault WHERE conversation_id IN \(ids)),
                   (SELECT count(*) FROM feedback WHERE conversation_id IN \(ids) AND note IS NOT NULL),
                   (SELECT count(*) FROM feedback WHERE conversation_id IN \(ids)),
                   (SELECT count(*) FROM handoff WHERE conversation_id IN \(ids))
            """).fetchOne(db)
        if let row {
            counts.turns = row[0]
            counts.vault = row[1]
            counts.notes = row[2]
            counts.feedback = row[3]
            counts.handoffs = row[4]
        }
        return counts
    }

    /// Of `subjects`, those that no conversation uses any more and that still have a key to shred.
    static func subjectsWithoutConversations(_ db: Database, _ subjects: [String]) throws -> [String] {
        try subjects.filter { subject in
            try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM conversation WHERE subject_id = ?)", arguments: [subject]) ?? false)
        }
    }
}
