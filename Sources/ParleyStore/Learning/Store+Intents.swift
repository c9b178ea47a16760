import Foundation
import GRDB

extension Store {
    /// Candidate intents with the number of labels naming each, newest first.
    public func candidateIntents() async throws(StoreError) -> [CandidateIntent] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.*, (SELECT count(*) FROM label l WHERE l.intent = c.name) AS labels
                FROM candidate_intent c ORDER BY c.proposed_at DESC, c.name
                """).map { row in
                CandidateIntent(
                    name: row["name"], status: CandidateIntent.Status(rawValue: row["status"]) ?? .pending,
                    proposedBy: row["proposed_by"], proposedAt: row["proposed_at"], mappedTo: row["mapped_to"],
                    decidedBy: row["decided_by"], decidedAt: row["decided_at"], labels: row["labels"]
                )
            }
        }
    }

    /// The intents admins added to the domain, in the order they were added.
    public func intentOverlay() async throws(StoreError) -> [IntentOverlay] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM intent_overlay ORDER BY added_at, name").map { row in
                IntentOverlay(name: row["name"], response: row["response"], queue: row["queue"], addedBy: row["added_by"], addedAt: row["added_at"])
            }
        }
    }

    /// Adds an intent to the domain overlay (and marks its candidate added), with its audit entries.
    public func addIntent(_ overlay: IntentOverlay, audit: [AuditAppend]) async throws(StoreError) {
        try await write { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM intent_overlay WHERE name = ?)", arguments: [overlay.name]) == true {
                throw StoreError.conflict("intent \(overlay.name) is already in the domain")
            }
            if let status = try String.fetchOne(db, sql: "SELECT status FROM candidate_intent WHERE name = ?", arguments: [overlay.name]),
               status == CandidateIntent.Status.mapped.rawValue {
                throw StoreError.conflict("candidate intent \(overlay.name) was mapped to another intent")
            }
            try db.execute(
                sql: "INSERT INTO intent_overlay (name, response, queue, added_by, added_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [overlay.name, overlay.response, overlay.queue, overlay.addedBy, overlay.addedAt]
            )
            try db.execute(sql: """
                INSERT INTO candidate_intent (name, status, proposed_by, proposed_at, decided_by, decided_at) VALUES (?, 'added', ?, ?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET status = 'added', decided_by = excluded.decided_by, decided_at = excluded.decided_at
                """, arguments: [overlay.name, overlay.addedBy, overlay.addedAt, overlay.addedBy, overlay.addedAt])
            // The domain changed: running servers rebuild what serves.
            try db.execute(sql: "UPDATE model_state SET generation = generation + 1, updated_at = ? WHERE id = 1", arguments: [overlay.addedAt])
            try Self.appendAudit(audit, db)
        }
    }

    /// Maps a pending candidate intent onto an existing one: its labels are
    /// relabelled (one audit entry says how many). Returns that number.
    @discardableResult
    public func mapIntent(_ name: String, to target: String, by: String, now: Date, audit: @escaping @Sendable (Int) -> [AuditAppend]) async throws(StoreError) -> Int {
        try await write { db in
            guard let status = try String.fetchOne(db, sql: "SELECT status FROM candidate_intent WHERE name = ?", arguments: [name]) else {
                throw StoreError.notFound("candidate intent \(name)")
            }
            guard status == CandidateIntent.Status.pending.rawValue else {
                throw StoreError.conflict("candidate intent \(name) is already \(status)")
            }
            let moved = try Self.relabel(db, from: name, to: target)
            try db.execute(
                sql: "UPDATE candidate_intent SET status = 'mapped', mapped_to = ?, decided_by = ?, decided_at = ? WHERE name = ?",
                arguments: [target, by, now, name]
            )
            try Self.appendAudit(audit(moved), db)
            return moved
        }
    }
}
