import Foundation
import GRDB
import ParleyCrypto

extension Store {
    /// Stores a new token (its hash only) and its audit entries in one transaction.
    public func insertToken(id: String, name: String, role: String, secretHash: [UInt8], now: Date, audit: [AuditAppend] = []) async throws(StoreError) {
        try await write { db in
            try AccessTokenRecord(
                id: id, name: name, role: role, secretHash: Data(secretHash),
                createdAt: now, revokedAt: nil, lastUsedAt: nil
            ).insert(db)
            try Self.appendAudit(audit, db)
        }
    }

    public func tokens() async throws(StoreError) -> [AccessTokenRecord] {
        try await read { db in try AccessTokenRecord.order(AccessTokenRecord.Columns.createdAt).fetchAll(db) }
    }

    /// The token with this id when it is not revoked and its secret hash
    /// matches (compared in constant time).
    public func activeToken(id: String, secretHash: [UInt8]) async throws(StoreError) -> AccessTokenRecord? {
        guard let record = try await read({ db in try AccessTokenRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM access_token WHERE id = ?"), arguments: [id]) }),
              record.revokedAt == nil,
              constantTimeEqual(Array(record.secretHash), secretHash)
        else { return nil }
        return record
    }

    /// Notes when a token was last presented (see `TokenUsage` for how often).
    public func recordTokenUse(id: String, at time: Date) async throws(StoreError) {
        try await write { db in
            try db.execute(sql: "UPDATE access_token SET last_used_at = ? WHERE id = ?", arguments: [time, id])
        }
    }

    /// Revokes an active token and appends its audit entries in one transaction.
    public func revokeToken(id: String, now: Date, audit: [AuditAppend] = []) async throws(StoreError) {
        try await write { db in
            try db.execute(sql: "UPDATE access_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [now, id])
            guard db.changesCount == 1 else { throw StoreError.notFound("active token \(id)") }
            try Self.appendAudit(audit, db)
        }
    }

    /// Whether any unrevoked token of this role exists.
    public func hasActiveToken(role: String) async throws(StoreError) -> Bool {
        try await read { db in
            try AccessTokenRecord
                .filter(AccessTokenRecord.Columns.role == role && AccessTokenRecord.Columns.revokedAt == nil)
                .isEmpty(db) == false
        }
    }
}
