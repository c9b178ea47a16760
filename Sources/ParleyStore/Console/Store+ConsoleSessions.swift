import Foundation
import GRDB
import ParleyCrypto

extension Store {
    /// Stores a new session and its audit entries in one transaction; ended
    /// sessions older than `pruneBefore` are removed on the way.
    public func insertConsoleSession(_ session: ConsoleSessionRecord, pruneBefore: Date, audit: [AuditAppend] = []) async throws(StoreError) {
        try await write { db in
            try db.execute(sql: "DELETE FROM console_session WHERE COALESCE(ended_at, expires_at) < ?", arguments: [pruneBefore])
            try session.insert(db)
            try Self.appendAudit(audit, db)
        }
    }

    /// The session with this id and its token, when the secret's hash matches
    /// (compared in constant time); ended sessions too, so the caller can tell why.
    public func consoleSession(id: String, secretHash: [UInt8]) async throws(StoreError) -> ConsoleSessionLookup? {
        let found = try await read { db -> ConsoleSessionLookup? in
            guard let session = try ConsoleSessionRecord.fetchOne(db, key: id),
                  let token = try AccessTokenRecord.fetchOne(db, key: session.tokenID)
            else { return nil }
            return ConsoleSessionLookup(session: session, token: token)
        }
        guard let found, constantTimeEqual(Array(found.session.secretHash), secretHash) else { return nil }
        return found
    }

    /// Notes activity on a live session (the idle timeout counts from here).
    public func touchConsoleSession(id: String, at time: Date) async throws(StoreError) {
        try await write { db in
            try db.execute(sql: "UPDATE console_session SET last_seen_at = ? WHERE id = ? AND ended_at IS NULL", arguments: [time, id])
        }
    }

    /// Ends a live session with its reason and audit entries in one
    /// transaction; false (and nothing appended) when it had already ended.
    @discardableResult
    public func endConsoleSession(id: String, reason: String, at time: Date, audit: [AuditAppend] = []) async throws(StoreError) -> Bool {
        try await write { db in
            try db.execute(
                sql: "UPDATE console_session SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL",
                arguments: [time, reason, id]
            )
            guard db.changesCount == 1 else { return false }
            try Self.appendAudit(audit, db)
            return true
        }
    }

    /// Live sessions (not ended; they may have expired unnoticed), newest first.
    public func liveConsoleSessions() async throws(StoreError) -> [ConsoleSessionRecord] {
        try await read { db in
            try ConsoleSessionRecord.filter(sql: "ended_at IS NULL").order(sql: "created_at DESC").fetchAll(db)
        }
    }
}
