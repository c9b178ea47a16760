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
                let list = Self.placeholders(ids.count)
                counts.add(try Self.countContents(db, conversationsIn: list, ids))
                let subjects = try String.fetchAll(db, sql: """
                    SELECT DISTINCT c.subject_id FROM conversation c JOIN subject s ON s.id = c.subject_id
                    WHERE c.id IN \(list) AND s.customer_id IS NULL
                    """, arguments: StatementArguments(ids))
                try db.execute(sql: "DELETE FROM conversation WHERE id IN \(list)", arguments: StatementArguments(ids))
                counts.deleted = db.changesCount
                orphans = try Self.subjectsWithoutConversations(db, subjects)
            case .vault:
                try db.execute(sql: "DELETE FROM pii_vault WHERE id IN \(Self.placeholders(ids.count))", arguments: StatementArguments(ids.compactMap(Int64.init)))
                counts.deleted = db.changesCount
                counts.vault = counts.deleted
            case .agentNotes:
                let turns = ids.compactMap { $0.hasPrefix("turn:") ? Int64($0.dropFirst(5)) : nil }
                let notes = ids.compactMap { $0.hasPrefix("note:") ? Int64($0.dropFirst(5)) : nil }
                if !turns.isEmpty {
                    try db.execute(sql: "UPDATE turn SET text = X'' WHERE role = 'agent' AND length(text) > 0 AND id IN \(Self.placeholders(turns.count))", arguments: StatementArguments(turns))
                    counts.turns = db.changesCount
                }
                if !notes.isEmpty {
                    try db.execute(sql: "UPDATE feedback SET note = NULL WHERE note IS NOT NULL AND id IN \(Self.placeholders(notes.count))", arguments: StatementArguments(notes))
                    counts.notes = db.changesCount
                }
                counts.deleted = counts.turns + counts.notes
            case .feedback:
                try db.execute(sql: "DELETE FROM feedback WHERE id IN \(Self.placeholders(ids.count))", arguments: StatementArguments(ids.compactMap(Int64.init)))
                counts.deleted = db.changesCount
                counts.feedback = counts.deleted
            case .handoffs:
                let rows = ids.compactMap(Int64.init)
                let list = Self.placeholders(rows.count)
                counts.feedback = try Int.fetchOne(db, sql: "SELECT count(*) FROM feedback WHERE handoff_id IN \(list)", arguments: StatementArguments(rows)) ?? 0
                try db.execute(sql: "DELETE FROM handoff WHERE status = 'resolved' AND id IN \(list)", arguments: StatementArguments(rows))
                counts.deleted = db.changesCount
                counts.handoffs = counts.deleted
            case .crm:
                let orders = ids.compactMap { $0.hasPrefix("order:") ? String($0.dropFirst(6)) : nil }
                let tickets = ids.compactMap { $0.hasPrefix("ticket:") ? String($0.dropFirst(7)) : nil }
                if !orders.isEmpty {
                    try db.execute(sql: "DELETE FROM crm_order WHERE number IN \(Self.placeholders(orders.count))", arguments: StatementArguments(orders))
                    counts.deleted += db.changesCount
                }
                if !tickets.isEmpty {
                    try db.execute(sql: "DELETE FROM crm_ticket WHERE id IN \(Self.placeholders(tickets.count))", arguments: StatementArguments(tickets))
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
            let list = Self.placeholders(ids.count)
            let arguments = StatementArguments(ids)
            let contents = try Self.countContents(db, conversationsIn: list, ids)
            counts.turns = contents.turns
            counts.vault = contents.vault
            counts.notes = contents.notes
            let previous = try Row.fetchAll(db, sql: """
                SELECT c.id, c.subject_id, s.customer_id FROM conversation c JOIN subject s ON s.id = c.subject_id
                WHERE c.id IN \(list) AND c.anonymized_at IS NULL
                """, arguments: arguments)
            try db.execute(sql: "UPDATE turn SET text = X'' WHERE conversation_id IN \(list)", arguments: arguments)
            try db.execute(sql: "DELETE FROM pii_vault WHERE conversation_id IN \(list)", arguments: arguments)
            try db.execute(sql: "UPDATE feedback SET note = NULL WHERE conversation_id IN \(list)", arguments: arguments)
            try db.execute(sql: "DELETE FROM agent_note WHERE conversation_id IN \(list)", arguments: arguments)
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
    static func countContents(_ db: Database, conversationsIn list: String, _ ids: [String]) throws -> RetentionCounts {
        var counts = RetentionCounts()
        let arguments = StatementArguments(ids)
        let row = try Row.fetchOne(db, sql: """
            SELECT (SELECT count(*) FROM turn WHERE conversation_id IN \(list)),
                   (SELECT count(*) FROM pii_vault WHERE conversation_id IN \(list)),
                   (SELECT count(*) FROM feedback WHERE conversation_id IN \(list) AND note IS NOT NULL),
                   (SELECT count(*) FROM feedback WHERE conversation_id IN \(list)),
                   (SELECT count(*) FROM handoff WHERE conversation_id IN \(list))
            """, arguments: arguments + arguments + arguments + arguments + arguments)
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

    /// `(?, ?, ...)` with `count` placeholders.
    static func placeholders(_ count: Int) -> String {
        "(" + Array(repeating: "?", count: count).joined(separator: ", ") + ")"
    }
}
