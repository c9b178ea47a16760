import Foundation
import GRDB

/// One retention run: the policy it applied (text and hash), the time its
/// ages were measured from, and what it removed. A run still `running` at the
/// next start was interrupted and is finished with the same policy and time.
public struct RetentionRunRecord: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, DatabaseValueConvertible {
        case running, complete
    }

    public var id: String
    public var policySHA256: String
    public var policy: String
    public var asOf: Date
    public var startedBy: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var status: Status
    /// The counts per category and rule, as JSON.
    public var counts: String?

    public init(id: String, policySHA256: String, policy: String, asOf: Date, startedBy: String, startedAt: Date) {
        self.id = id
        self.policySHA256 = policySHA256
        self.policy = policy
        self.asOf = asOf
        self.startedBy = startedBy
        self.startedAt = startedAt
        status = .running
    }

    enum CodingKeys: String, CodingKey {
        case id, policySHA256 = "policy_sha256", policy, asOf = "as_of", startedBy = "started_by"
        case startedAt = "started_at", finishedAt = "finished_at", status, counts
    }
}

extension RetentionRunRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "retention_run"
}

extension Store {
    /// Records the start of a run, with the audit entries `audit` builds.
    public func startRetentionRun(_ run: RetentionRunRecord, audit: @escaping @Sendable () -> [AuditAppend]) async throws(StoreError) {
        try await write { db in
            try run.insert(db)
            try Self.appendAudit(audit(), db)
        }
    }

    /// Marks a run complete with its counts, in one transaction with its audit entries.
    public func finishRetentionRun(id: String, counts: String, now: Date, audit: @escaping @Sendable () -> [AuditAppend]) async throws(StoreError) {
        try await write { db in
            try db.execute(
                sql: "UPDATE retention_run SET status = 'complete', finished_at = ?, counts = ? WHERE id = ?",
                arguments: [now, counts, id]
            )
            try Self.appendAudit(audit(), db)
        }
    }

    /// Runs newest first (`limit` of them).
    public func retentionRuns(status: RetentionRunRecord.Status? = nil, limit: Int = 50) async throws(StoreError) -> [RetentionRunRecord] {
        try await read { db in
            var request = RetentionRunRecord.order(Column("started_at").desc, Column("id")).limit(limit)
            if let status { request = request.filter(Column("status") == status.rawValue) }
            return try request.fetchAll(db)
        }
    }

    /// The hash last recorded in the audit log for the policy file `name`.
    public func recordedPolicyHash(_ name: String) async throws(StoreError) -> String? {
        try await read { db in try String.fetchOne(db, sql: "SELECT sha256 FROM policy_state WHERE name = ?", arguments: [name]) }
    }

    /// Records a policy's hash with its audit entries, unless it is already the recorded one. Returns whether it changed.
    @discardableResult
    public func recordPolicyHash(_ name: String, sha256: String, now: Date, audit: @escaping @Sendable () -> [AuditAppend]) async throws(StoreError) -> Bool {
        try await write { db in
            let current = try String.fetchOne(db, sql: "SELECT sha256 FROM policy_state WHERE name = ?", arguments: [name])
            guard current != sha256 else { return false }
            try db.execute(
                sql: "INSERT INTO policy_state (name, sha256, recorded_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET sha256 = excluded.sha256, recorded_at = excluded.recorded_at",
                arguments: [name, sha256, now]
            )
            try Self.appendAudit(audit(), db)
            return true
        }
    }

    /// Marks model versions as trained on data of an erasure.
    public func markModels(_ versions: [String], trainedOnErasure erasureID: String, now: Date) async throws(StoreError) {
        guard !versions.isEmpty else { return }
        try await write { db in
            for version in versions {
                try db.execute(sql: "INSERT OR IGNORE INTO model_erasure (model_version, erasure_id, marked_at) VALUES (?, ?, ?)", arguments: [version, erasureID, now])
            }
        }
    }
}
