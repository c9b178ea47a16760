import Foundation
import GRDB

/// A conversation. `tracker` is the dialogue state as sealed JSON (it may hold
/// slot values taken from the customer's words).
public struct ConversationRecord: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Codable, DatabaseValueConvertible {
        case bot, handoff
    }

    public var id: String
    public var subjectID: String
    public var customerID: String?
    /// The channel that started the conversation (`token:<id>` or `channel:loopback`); only it may continue it.
    public var channel: String?
    public var status: Status
    var sealedTracker: Data?
    public var turnCount: Int
    public var createdAt: Date
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, subjectID = "subject_id", customerID = "customer_id", channel, status
        case sealedTracker = "tracker", turnCount = "turn_count"
        case createdAt = "created_at", updatedAt = "updated_at"
    }
}

extension ConversationRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "conversation"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let subjectID = Column(CodingKeys.subjectID)
        public static let status = Column(CodingKeys.status)
        public static let updatedAt = Column(CodingKeys.updatedAt)
    }

    /// The conversation `id`, through a cached prepared statement: read up to
    /// three times a turn, where the query interface rebuilt and re-prepared
    /// its SQL (and ran the authorizer) each time, about 5 % of a turn's CPU
    /// in a profile of the release server under load.
    static func fetch(_ db: Database, id: String) throws -> ConversationRecord? {
        try fetchOne(db.cachedStatement(sql: "SELECT * FROM conversation WHERE id = ?"), arguments: [id])
    }
}
