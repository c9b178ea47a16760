import Foundation
import GRDB

/// One message in a conversation. `sealedText` is the redacted text encrypted
/// under the conversation's subject key; it carries no plain text.
struct TurnRecord: Sendable, Hashable, Codable {
    var id: Int64?
    var conversationID: String
    var seq: Int
    var role: String
    var sealedText: Data
    var intent: String?
    var confidence: Double?
    /// Token id of the agent who wrote an agent turn.
    var author: String?
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, conversationID = "conversation_id", seq, role, sealedText = "text"
        case intent, confidence, author, createdAt = "created_at"
    }
}

extension TurnRecord: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "turn"

    enum Columns {
        static let conversationID = Column(CodingKeys.conversationID)
        static let seq = Column(CodingKeys.seq)
        static let role = Column(CodingKeys.role)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Inserts the turn (and takes its row id) through a cached prepared
    /// statement: `insert` rebuilt the SQL from the encoded record each time.
    mutating func append(_ db: Database) throws {
        try db.run(
            "INSERT INTO turn (conversation_id, seq, role, text, intent, confidence, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [conversationID, seq, role, sealedText, intent, confidence, author, createdAt]
        )
        id = db.lastInsertedRowID
    }
}
