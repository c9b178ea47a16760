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

    /// Decoded column by column (the synthesized Decodable path went through
    /// GRDB's RowDecoder and its key containers on every read).
    public init(row: Row) throws {
        id = row["id"]
        subjectID = row["subject_id"]
        customerID = row["customer_id"]
        channel = row["channel"]
        guard let status = Status(rawValue: row["status"]) else {
            throw StoreError.invalid("a stored conversation has an unknown status")
        }
        self.status = status
        sealedTracker = row["tracker"]
        turnCount = row["turn_count"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
    }

    /// Writes the row as `save` does (an UPDATE of every column this record
    /// holds, then an INSERT when there was no row), through cached prepared
    /// statements: once a turn, where `save` rebuilt its SQL from the record's
    /// encoded columns each time. Never INSERT OR REPLACE: a replace deletes
    /// the row first, and the delete cascades to the conversation's turns.
    func write(_ db: Database) throws {
        try db.run(
            """
            UPDATE conversation SET subject_id = ?, customer_id = ?, channel = ?, status = ?, tracker = ?, turn_count = ?,
                created_at = ?, updated_at = ? WHERE id = ?
            """,
            [subjectID, customerID, channel, status.rawValue, sealedTracker, turnCount, createdAt, updatedAt, id]
        )
        guard db.changesCount == 0 else { return }
        try db.run(
            """
            INSERT INTO conversation (id, subject_id, customer_id, channel, status, tracker, turn_count, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [id, subjectID, customerID, channel, status.rawValue, sealedTracker, turnCount, createdAt, updatedAt]
        )
    }
}
