import Foundation
import GRDB

/// Failed authentications of one kind (the same reason and route, or the
/// same token on the same route) counted together.
public struct AuthFailureCount: Sendable, Hashable {
    /// What the failures have in common (`invalid_token|/v1/queues`).
    public var key: String
    public var action: String
    public var actor: String
    public var role: String
    /// Reason and route: never a token, never a secret.
    public var details: [String: String]
    public var count: Int

    public init(key: String, action: String, actor: String, role: String, details: [String: String], count: Int) {
        self.key = key
        self.action = action
        self.actor = actor
        self.role = role
        self.details = details
        self.count = count
    }
}

/// An audit entry to write for failed authentications: the first of a
/// window (`closesWindow` false: it stands for one failure, and carries what
/// the kind's previous window folded), or the close of a window (true: it
/// stands for the `folded` failures only).
public struct AuthFailureEntry: Sendable, Hashable {
    public var closesWindow: Bool
    public var action: String
    public var actor: String
    public var role: String
    public var details: [String: String]
    /// Failures counted since the previous entry of this kind, not written one by one.
    public var folded: Int
}

extension Store {
    /// Records failures, each kind in its window of `window` seconds, in one
    /// transaction: a kind without an open window gets an audit entry now
    /// (carrying what its previous window folded) and opens one; failures in
    /// an open window add to its folded count, on disk, so that a restart or
    /// a crash loses no count. Returns how many entries were written.
    @discardableResult
    public func recordAuthFailures(
        _ failures: [AuthFailureCount], now: Date, window: TimeInterval,
        audit: @escaping @Sendable ([AuthFailureEntry]) -> [AuditAppend]
    ) async throws(StoreError) -> Int {
        guard !failures.isEmpty else { return 0 }
        return try await write { db in
            var entries: [AuthFailureEntry] = []
            for failure in failures where failure.count > 0 {
                let row = try Row.fetchOne(db, sql: "SELECT started_at, folded FROM auth_failure_window WHERE key = ?", arguments: [failure.key])
                let started: Date? = row?["started_at"]
                if let started, now.timeIntervalSince(started) < window {
                    try db.execute(sql: "UPDATE auth_failure_window SET folded = folded + ? WHERE key = ?", arguments: [failure.count, failure.key])
                    continue
                }
                entries.append(AuthFailureEntry(
                    closesWindow: false, action: failure.action, actor: failure.actor, role: failure.role, details: failure.details,
                    folded: row?["folded"] ?? 0
                ))
                try db.execute(
                    sql: """
                        INSERT INTO auth_failure_window (key, action, actor, role, details, started_at, folded) VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT(key) DO UPDATE SET started_at = excluded.started_at, folded = excluded.folded
                        """,
                    arguments: [failure.key, failure.action, failure.actor, failure.role, try Self.encode(failure.details), now, failure.count - 1]
                )
            }
            try Self.appendAudit(audit(entries), db)
            return entries.count
        }
    }

    /// Closes the windows opened before `cutoff`: those that folded failures
    /// get an entry with the count; all are removed. Run periodically, at
    /// start (for a process that stopped or crashed with windows open) and at
    /// shutdown. Returns how many entries were written.
    @discardableResult
    public func closeAuthFailureWindows(
        openedBefore cutoff: Date, audit: @escaping @Sendable ([AuthFailureEntry]) -> [AuditAppend]
    ) async throws(StoreError) -> Int {
        try await write { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM auth_failure_window WHERE started_at < ? ORDER BY started_at, key", arguments: [cutoff])
            var entries: [AuthFailureEntry] = []
            for row in rows where (row["folded"] as Int) > 0 {
                entries.append(AuthFailureEntry(
                    closesWindow: true, action: row["action"], actor: row["actor"], role: row["role"], details: try Self.decode(row["details"]),
                    folded: row["folded"]
                ))
            }
            try db.execute(sql: "DELETE FROM auth_failure_window WHERE started_at < ?", arguments: [cutoff])
            try Self.appendAudit(audit(entries), db)
            return entries.count
        }
    }

    /// Failures counted on disk and not yet in an audit entry (tests, status).
    public func pendingAuthFailures() async throws(StoreError) -> Int {
        try await read { db in try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(folded), 0) FROM auth_failure_window") ?? 0 }
    }

    /// Whether a channel token was ever created here (revoked and deleted ones count).
    public func channelTokenEverCreated() async throws(StoreError) -> Bool {
        try await read { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM installation_fact WHERE name = 'channel_token_created')")) ?? false
        }
    }

    private static func encode(_ details: [String: String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(details), as: UTF8.self)
    }

    private static func decode(_ text: String) throws -> [String: String] {
        try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
    }
}
