import Foundation
import GRDB

/// One audit entry as the store keeps it: sequence, time, the canonical JSON
/// of the entry, and its Merkle leaf hash. The store does not interpret them;
/// the audit module builds and verifies them.
public struct AuditRow: Sendable, Hashable {
    public var sequence: UInt64
    public var timeMilliseconds: UInt64
    public var entryJSON: String
    public var leafHash: Data

    public init(sequence: UInt64, timeMilliseconds: UInt64, entryJSON: String, leafHash: Data) {
        self.sequence = sequence
        self.timeMilliseconds = timeMilliseconds
        self.entryJSON = entryJSON
        self.leafHash = leafHash
    }
}

/// The compact state of the Merkle log (size and the roots of its perfect
/// subtrees), kept in the same transaction as the entries so that several
/// processes append to one log without ever disagreeing.
public struct AuditFrontierState: Sendable, Hashable {
    public var size: UInt64
    public var nodes: [Data]

    public init(size: UInt64, nodes: [Data]) {
        self.size = size
        self.nodes = nodes
    }
}

/// Builds the row for the next sequence number from the current frontier, and the new frontier.
public typealias AuditAppend = @Sendable (_ sequence: UInt64, _ frontier: AuditFrontierState) throws -> (AuditRow, AuditFrontierState)

extension Store {
    /// Appends entries in one transaction.
    public func appendAudit(_ appends: [AuditAppend]) async throws(StoreError) {
        guard !appends.isEmpty else { return }
        try await write { db in try Self.appendAudit(appends, db) }
    }

    static func appendAudit(_ appends: [AuditAppend], _ db: Database) throws {
        var frontier = try loadFrontier(db)
        for append in appends {
            let (row, next) = try append(frontier.size + 1, frontier)
            guard row.sequence == frontier.size + 1, next.size == row.sequence else {
                throw StoreError.invalid("an audit entry was built for the wrong sequence")
            }
            try db.run(
                "INSERT INTO audit_entry (seq, time_ms, entry, leaf_hash) VALUES (?, ?, ?, ?)",
                [Int64(row.sequence), Int64(row.timeMilliseconds), row.entryJSON, row.leafHash]
            )
            frontier = next
        }
        try db.run(
            "INSERT INTO audit_frontier (id, size, nodes) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET size = excluded.size, nodes = excluded.nodes",
            [Int64(frontier.size), Data(frontier.nodes.joined())]
        )
    }

    static func loadFrontier(_ db: Database) throws -> AuditFrontierState {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT size, nodes FROM audit_frontier WHERE id = 1")) else {
            return AuditFrontierState(size: 0, nodes: [])
        }
        let blob: Data = row["nodes"]
        let nodes = stride(from: 0, to: blob.count, by: 32).map { Data(blob[$0..<min($0 + 32, blob.count)]) }
        return AuditFrontierState(size: UInt64(row["size"] as Int64), nodes: nodes)
    }

    public func auditFrontier() async throws(StoreError) -> AuditFrontierState {
        try await read { db in try Self.loadFrontier(db) }
    }

    /// The highest sequence number stored (0 for an empty log), whatever the recorded tree size says.
    public func auditHighestSequence() async throws(StoreError) -> UInt64 {
        try await read { db in UInt64(try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM audit_entry") ?? 0) }
    }

    /// Entries with sequence numbers in `range`, in order.
    public func auditRows(_ range: ClosedRange<UInt64>) async throws(StoreError) -> [AuditRow] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT seq, time_ms, entry, leaf_hash FROM audit_entry WHERE seq BETWEEN ? AND ? ORDER BY seq",
                             arguments: [Int64(range.lowerBound), Int64(range.upperBound)]).map(Self.auditRow)
        }
    }

    /// The sequence range of entries whose time lies in `[from, to]` (milliseconds), if any.
    public func auditSequences(fromMilliseconds from: UInt64, toMilliseconds to: UInt64) async throws(StoreError) -> ClosedRange<UInt64>? {
        try await read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT MIN(seq) AS first, MAX(seq) AS last FROM audit_entry WHERE time_ms BETWEEN ? AND ?",
                                             arguments: [Int64(from), Int64(to)]),
                  let first = row["first"] as Int64?, let last = row["last"] as Int64?
            else { return nil }
            return UInt64(first)...UInt64(last)
        }
    }

    /// Leaf hashes of the first `count` entries, in order.
    public func auditLeafHashes(count: UInt64) async throws(StoreError) -> [Data] {
        try await read { db in
            try Data.fetchAll(db, sql: "SELECT leaf_hash FROM audit_entry WHERE seq <= ? ORDER BY seq", arguments: [Int64(count)])
        }
    }

    /// Stores a signed checkpoint note of the log at `size`.
    public func saveAuditCheckpoint(size: UInt64, note: String, now: Date) async throws(StoreError) {
        try await write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO audit_checkpoint (size, note, created_at) VALUES (?, ?, ?)",
                           arguments: [Int64(size), note, now])
        }
    }

    /// The newest signed checkpoint (size and note).
    public func latestAuditCheckpoint() async throws(StoreError) -> (size: UInt64, note: String)? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT size, note FROM audit_checkpoint ORDER BY size DESC LIMIT 1").map {
                (UInt64($0["size"] as Int64), $0["note"] as String)
            }
        }
    }

    private static func auditRow(_ row: Row) -> AuditRow {
        AuditRow(
            sequence: UInt64(row["seq"] as Int64), timeMilliseconds: UInt64(row["time_ms"] as Int64),
            entryJSON: row["entry"], leafHash: row["leaf_hash"]
        )
    }
}
