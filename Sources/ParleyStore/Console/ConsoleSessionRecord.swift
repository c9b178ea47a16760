import Foundation
import GRDB

/// A signed-in agent console session. The cookie carries `id` and a secret;
/// only the secret's SHA-256 is stored. A session that ended (signed out,
/// expired, revoked, its token revoked) is kept for the record and never revived.
public struct ConsoleSessionRecord: Sendable, Hashable, Codable {
    public var id: String
    var secretHash: Data
    /// The access token that signed in (its role and name are the session's).
    public var tokenID: String
    public var createdAt: Date
    public var lastSeenAt: Date
    /// The absolute end, however active the session.
    public var expiresAt: Date
    public var endedAt: Date?
    public var endReason: String?

    public init(id: String, secretHash: [UInt8], tokenID: String, createdAt: Date, expiresAt: Date) {
        self.id = id
        self.secretHash = Data(secretHash)
        self.tokenID = tokenID
        self.createdAt = createdAt
        lastSeenAt = createdAt
        self.expiresAt = expiresAt
    }

    enum CodingKeys: String, CodingKey {
        case id, secretHash = "secret_hash", tokenID = "token_id", createdAt = "created_at"
        case lastSeenAt = "last_seen_at", expiresAt = "expires_at", endedAt = "ended_at", endReason = "end_reason"
    }
}

extension ConsoleSessionRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "console_session"
}

/// A live session with the token it belongs to.
public struct ConsoleSessionLookup: Sendable, Hashable {
    public var session: ConsoleSessionRecord
    public var token: AccessTokenRecord
}
