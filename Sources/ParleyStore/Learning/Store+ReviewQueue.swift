import Foundation
import GRDB
import ParleyCrypto

extension Store {
    /// Inside a turn's transaction: a repeat of an open item's text is counted
    /// on it; otherwise a sampled turn opens a new item while fewer than
    /// `maxOpen` are open.
    static func recordReview(_ review: TurnCommit.Review, turnID: Int64, conversationID: String, seq: Int, now: Date, _ db: Database) throws {
        try db.run(
            "UPDATE review_item SET occurrences = occurrences + 1, last_seen_at = ? WHERE text_key = ? AND status = 'open'",
            [now, review.textKey]
        )
        guard db.changesCount == 0, review.sampled else { return }
        let open = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM review_item WHERE status = 'open'")) ?? 0
        guard open < review.maxOpen else { return }
        try db.run("""
            INSERT INTO review_item (turn_id, conversation_id, seq, text_key, reason, rule, predicted_intent, confidence, margin,
                                     occurrences, status, created_at, last_seen_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'open', ?, ?)
            """, [
                turnID, conversationID, seq, review.textKey, review.reason, review.rule, review.predictedIntent,
                review.confidence, review.margin, now, now,
            ])
    }

    /// Items of the queue, oldest first, with their redacted text unsealed in
    /// memory. Open items whose text is gone are not listed (nothing to label).
    public func reviewItems(
        status: ReviewItem.Status = .open, reason: String? = nil, limit: Int = 50, afterID: Int64 = 0
    ) async throws(StoreError) -> [ReviewItem] {
        let rows = try await read { db in
            var sql = """
                SELECT r.*, t.text AS sealed, c.subject_id FROM review_item r
                JOIN turn t ON t.id = r.turn_id JOIN conversation c ON c.id = r.conversation_id
                WHERE r.status = ? AND r.id > ?
                """
            var arguments: StatementArguments = [status.rawValue, afterID]
            if let reason {
                sql += " AND r.reason = ?"
                arguments += [reason]
            }
            sql += " ORDER BY r.id LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                (try Self.reviewItem(row), row["sealed"] as Data, row["subject_id"] as String)
            }
        }
        var items: [ReviewItem] = []
        for (item, sealed, subject) in rows {
            var item = item
            item.text = try await openTurnText(sealed, subjectID: subject, conversationID: item.conversationID, seq: item.seq)
            if item.status == .open, item.text == nil { continue }
            items.append(item)
        }
        return items
    }

    /// One item, with its text.
    public func reviewItem(id: Int64) async throws(StoreError) -> ReviewItem {
        let found = try await read { db in
            try Row.fetchOne(db, sql: """
                SELECT r.*, t.text AS sealed, c.subject_id FROM review_item r
                JOIN turn t ON t.id = r.turn_id JOIN conversation c ON c.id = r.conversation_id WHERE r.id = ?
                """, arguments: [id]).map { row in (try Self.reviewItem(row), row["sealed"] as Data, row["subject_id"] as String) }
        }
        guard var (item, sealed, subject) = found else { throw .notFound("review item \(id)") }
        item.text = try await openTurnText(sealed, subjectID: subject, conversationID: item.conversationID, seq: item.seq)
        return item
    }

    /// Open items, by reason.
    public func openReviewCounts() async throws(StoreError) -> [String: Int] {
        try await read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT reason, count(*) AS n FROM review_item WHERE status = 'open' GROUP BY reason")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["reason"] as String, $0["n"] as Int) })
        }
    }

    /// Dismisses an open item (nothing to learn from it), with its audit entries.
    public func dismissReviewItem(id: Int64, by: String, now: Date, audit: @escaping @Sendable (_ subjectID: String) -> [AuditAppend]) async throws(StoreError) {
        try await write { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT r.status, c.subject_id FROM review_item r JOIN conversation c ON c.id = r.conversation_id WHERE r.id = ?
                """, arguments: [id]) else {
                throw StoreError.notFound("review item \(id)")
            }
            guard (row["status"] as String) == ReviewItem.Status.open.rawValue else {
                throw StoreError.conflict("review item \(id) is already \(row["status"] as String)")
            }
            try db.execute(
                sql: "UPDATE review_item SET status = 'dismissed', closed_at = ?, closed_by = ? WHERE id = ?", arguments: [now, by, id]
            )
            try Self.appendAudit(audit(row["subject_id"]), db)
        }
    }

    /// A turn's redacted text, or nil when its subject's key is gone or retention removed it.
    func openTurnText(_ sealed: Data, subjectID: String, conversationID: String, seq: Int) async throws(StoreError) -> String? {
        guard !sealed.isEmpty else { return nil }
        let key: SymmetricKey?
        do { key = try await keyring.key(for: subjectID) } catch { throw Self.map(error) }
        guard let key else { return nil }
        do { return try SealedField.openString(sealed, key: key, context: SealedField.turn(conversationID, seq)) } catch { throw Self.map(error) }
    }

    static func reviewItem(_ row: Row) throws -> ReviewItem {
        guard let status = ReviewItem.Status(rawValue: row["status"]) else { throw StoreError.database("a review item has an unknown status") }
        return ReviewItem(
            id: row["id"], conversationID: row["conversation_id"], seq: row["seq"], text: nil, reason: row["reason"], rule: row["rule"],
            predictedIntent: row["predicted_intent"], confidence: row["confidence"], margin: row["margin"],
            occurrences: row["occurrences"], status: status, createdAt: row["created_at"], lastSeenAt: row["last_seen_at"],
            closedAt: row["closed_at"], closedBy: row["closed_by"]
        )
    }
}
