import Foundation
import GRDB

/// A conversation handed to human agents, from waiting to resolved.
public struct HandoffRecord: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Codable, DatabaseValueConvertible, CaseIterable {
        case waiting, claimed, resolved
    }

    public var id: Int64?
    public var conversationID: String
    public var queue: String
    public var reason: String
    public var rule: String
    public var status: Status
    /// The customer turn that triggered the handoff.
    public var turnID: Int64?
    /// Token id of the agent holding it.
    public var claimedBy: String?
    public var createdAt: Date
    public var claimedAt: Date?
    public var resolvedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, conversationID = "conversation_id", queue, reason, rule, status
        case turnID = "turn_id", claimedBy = "claimed_by"
        case createdAt = "created_at", claimedAt = "claimed_at", resolvedAt = "resolved_at"
    }
}

extension HandoffRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "handoff"

    public enum Columns {
        public static let conversationID = Column(CodingKeys.conversationID)
        public static let queue = Column(CodingKeys.queue)
        public static let status = Column(CodingKeys.status)
        public static let createdAt = Column(CodingKeys.createdAt)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
