import Foundation
import GRDB

extension Store {
    /// The newest audit entry whose action is one of `actions` (its sequence
    /// number and action), for checking that the last run's stop was recorded.
    public func lastAuditEntry(withActionIn actions: [String]) async throws(StoreError) -> (sequence: UInt64, action: String)? {
        guard !actions.isEmpty else { return nil }
        // Entries are canonical JSON: `"action":"server.stop"` is exactly how an action is written.
        let patterns = actions.map { "%\"action\":\"\($0)\"%" }
        let condition = Array(repeating: "entry LIKE ?", count: patterns.count).joined(separator: " OR ")
        return try await read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT seq, entry FROM audit_entry WHERE \(condition) ORDER BY seq DESC LIMIT 1", arguments: StatementArguments(patterns)
            ) else { return nil }
            let entry: String = row["entry"]
            let action = actions.first { entry.contains("\"action\":\"\($0)\"") } ?? actions[0]
            return (UInt64(row["seq"] as Int64), action)
        }
    }

    /// Folds the write-ahead log into the database and truncates it (as at
    /// close). Writes after it grow the WAL from nothing.
    public func checkpoint() async throws(StoreError) {
        do { _ = try await database.writeWithoutTransaction { db in try db.checkpoint(.truncate) } } catch { throw Self.map(error) }
    }
}
