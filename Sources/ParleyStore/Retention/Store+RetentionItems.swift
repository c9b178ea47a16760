import Foundation
import GRDB

/// Where a page of retention items ends, to ask for the next page.
public struct RetentionCursor: Sendable, Hashable {
    /// Agents' notes come from two tables: agent turns first, then resolution notes.
    let phase: Int
    let text: String?
    let row: Int64?
}

extension Store {
    /// One page (at most `limit`, in a stable order) of the items of a
    /// category that retention may act on, after `cursor`. `next` is nil after
    /// the last page. Models and audit entries are not rows of this kind (see
    /// the retention module). Only ids, times, channels, queues and statuses are
    /// read; no text is opened.
    public func retentionItems(
        _ category: DataCategory, after cursor: RetentionCursor?, limit: Int
    ) async throws(StoreError) -> (items: [RetentionItem], next: RetentionCursor?) {
        try await read { db in
            switch category {
            case .conversations: try Self.conversationItems(db, after: cursor, limit: limit)
            case .vault: try Self.vaultItems(db, after: cursor, limit: limit)
            case .agentNotes: try Self.agentNoteItems(db, after: cursor, limit: limit)
            case .feedback: try Self.feedbackItems(db, after: cursor, limit: limit)
            case .handoffs: try Self.handoffItems(db, after: cursor, limit: limit)
            case .crm: try Self.crmItems(db, after: cursor, limit: limit)
            case .models, .audit: ([], nil)
            }
        }
    }

    private static func conversationItems(_ db: Database, after cursor: RetentionCursor?, limit: Int) throws -> ([RetentionItem], RetentionCursor?) {
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.id, c.subject_id, c.customer_id, c.channel, c.status, c.created_at, c.updated_at, c.anonymized_at,
                   (SELECT h.queue FROM handoff h WHERE h.conversation_id = c.id ORDER BY h.id DESC LIMIT 1) AS queue,
                   EXISTS (SELECT 1 FROM handoff h WHERE h.conversation_id = c.id AND h.status != 'resolved') AS open
            FROM conversation c WHERE c.id > ? ORDER BY c.id LIMIT ?
            """, arguments: [cursor?.text ?? "", limit])
        let items = rows.map { row -> RetentionItem in
            let updated: Date = row["updated_at"]
            let open: Bool = row["open"]
            return RetentionItem(
                category: .conversations, id: row["id"], conversationID: row["id"], subjectID: row["subject_id"],
                customerID: row["customer_id"], channel: row["channel"], queue: row["queue"], status: row["status"],
                createdAt: row["created_at"], lastActivityAt: updated, closedAt: open ? nil : updated,
                anonymized: (row["anonymized_at"] as Date?) != nil
            )
        }
        return (items, rows.count < limit ? nil : RetentionCursor(phase: 0, text: items.last?.id, row: nil))
    }

    /// The columns of a row's conversation that rules and holds look at.
    private static let conversationColumns = "c.id AS conversation_id, c.subject_id, c.customer_id, c.channel"

    private static func rowItems(
        _ db: Database, _ category: DataCategory, sql: String, after cursor: RetentionCursor?, limit: Int, phase: Int = 0,
        prefix: String = "", make: (Row) -> (status: String?, queue: String?, created: Date, closed: Date?)
    ) throws -> ([RetentionItem], Int64?) {
        let rows = try Row.fetchAll(db, sql: sql, arguments: [cursor?.phase == phase ? (cursor?.row ?? 0) : 0, limit])
        let items = rows.map { row -> RetentionItem in
            let facts = make(row)
            return RetentionItem(
                category: category, id: prefix + String(row["id"] as Int64), conversationID: row["conversation_id"],
                subjectID: row["subject_id"], customerID: row["customer_id"], channel: row["channel"], queue: facts.queue,
                status: facts.status, createdAt: facts.created, closedAt: facts.closed
            )
        }
        return (items, rows.count < limit ? nil : rows.last.map { $0["id"] as Int64 })
    }

    private static func vaultItems(_ db: Database, after cursor: RetentionCursor?, limit: Int) throws -> ([RetentionItem], RetentionCursor?) {
        let (items, last) = try rowItems(db, .vault, sql: """
            SELECT v.id, v.created_at, \(conversationColumns) FROM pii_vault v JOIN conversation c ON c.id = v.conversation_id
            WHERE v.id > ? ORDER BY v.id LIMIT ?
            """, after: cursor, limit: limit) { row in (nil, nil, row["created_at"], row["created_at"]) }
        return (items, last.map { RetentionCursor(phase: 0, text: nil, row: $0) })
    }

    private static func agentNoteItems(_ db: Database, after cursor: RetentionCursor?, limit: Int) throws -> ([RetentionItem], RetentionCursor?) {
        if (cursor?.phase ?? 0) == 0 {
            let (items, last) = try rowItems(db, .agentNotes, sql: """
                SELECT t.id, t.created_at, \(conversationColumns) FROM turn t JOIN conversation c ON c.id = t.conversation_id
                WHERE t.role = 'agent' AND length(t.text) > 0 AND t.id > ? ORDER BY t.id LIMIT ?
                """, after: cursor, limit: limit, phase: 0, prefix: "turn:") { row in (nil, nil, row["created_at"], row["created_at"]) }
            return (items, RetentionCursor(phase: last == nil ? 1 : 0, text: nil, row: last))
        }
        let (items, last) = try rowItems(db, .agentNotes, sql: """
            SELECT f.id, f.created_at, h.queue, \(conversationColumns) FROM feedback f
            JOIN conversation c ON c.id = f.conversation_id JOIN handoff h ON h.id = f.handoff_id
            WHERE f.note IS NOT NULL AND f.id > ? ORDER BY f.id LIMIT ?
            """, after: cursor, limit: limit, phase: 1, prefix: "note:") { row in (nil, row["queue"], row["created_at"], row["created_at"]) }
        return (items, last.map { RetentionCursor(phase: 1, text: nil, row: $0) })
    }

    private static func feedbackItems(_ db: Database, after cursor: RetentionCursor?, limit: Int) throws -> ([RetentionItem], RetentionCursor?) {
        let (items, last) = try rowItems(db, .feedback, sql: """
            SELECT f.id, f.created_at, h.queue, \(conversationColumns) FROM feedback f
            JOIN conversation c ON c.id = f.conversation_id JOIN handoff h ON h.id = f.handoff_id
            WHERE f.id > ? ORDER BY f.id LIMIT ?
            """, after: cursor, limit: limit) { row in (nil, row["queue"], row["created_at"], row["created_at"]) }
        return (items, last.map { RetentionCursor(phase: 0, text: nil, row: $0) })
    }

    /// Resolved handoffs only: a waiting or claimed one is work in progress.
    private static func handoffItems(_ db: Database, after cursor: RetentionCursor?, limit: Int) throws -> ([RetentionItem], RetentionCursor?) {
        let (items, last) = try rowItems(db, .handoffs, sql: """
            SELECT h.id, h.queue, h.status, h.created_at, h.resolved_at, \(conversationColumns) FROM handoff h
            JOIN conversation c ON c.id = h.conversation_id
            WHERE h.status = 'resolved' AND h.id > ? ORDER BY h.id LIMIT ?
            """, after: cursor, limit: limit) { row in (row["status"], row["queue"], row["created_at"], row["resolved_at"]) }
        return (items, last.map { RetentionCursor(phase: 0, text: nil, row: $0) })
    }

    /// Orders (by the time they were placed) and tickets (by the time they were
    /// opened); rows without a date never age.
    private static func crmItems(_ db: Database, after cursor: RetentionCursor?, limit: Int) throws -> ([RetentionItem], RetentionCursor?) {
        let rows = try Row.fetchAll(db, sql: """
            SELECT key, customer_id, status, created, last, closed FROM (
                SELECT 'order:' || number AS key, customer_id, status, placed_at AS created,
                       max(placed_at, COALESCE(shipped_at, placed_at), COALESCE(delivered_at, placed_at)) AS last,
                       CASE WHEN status IN ('delivered', 'cancelled', 'returned') THEN COALESCE(delivered_at, shipped_at, placed_at) END AS closed
                FROM crm_order WHERE placed_at IS NOT NULL
                UNION ALL
                SELECT 'ticket:' || id, customer_id, status, opened_at, opened_at,
                       CASE WHEN status = 'closed' THEN opened_at END
                FROM crm_ticket
            ) WHERE key > ? ORDER BY key LIMIT ?
            """, arguments: [cursor?.text ?? "", limit])
        let items = rows.map { row in
            RetentionItem(
                category: .crm, id: row["key"], customerID: row["customer_id"], status: row["status"],
                createdAt: row["created"], lastActivityAt: row["last"], closedAt: row["closed"]
            )
        }
        return (items, rows.count < limit ? nil : RetentionCursor(phase: 0, text: items.last?.id, row: nil))
    }
}
