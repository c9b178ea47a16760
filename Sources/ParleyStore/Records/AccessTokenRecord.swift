import Foundation
import GRDB

/// An API token. Only the SHA-256 of its secret is stored.
public struct AccessTokenRecord: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var role: String
    var secretHash: Data
    public var createdAt: Date
    public var revokedAt: Date?
    public var lastUsedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, name, role, secretHash = "secret_hash"
        case createdAt = "created_at", revokedAt = "revoked_at", lastUsedAt = "last_used_at"
    }
}

extension AccessTokenRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "access_token"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let role = Column(CodingKeys.role)
        public static let revokedAt = Column(CodingKeys.revokedAt)
        public static let createdAt = Column(CodingKeys.createdAt)
    }
}
