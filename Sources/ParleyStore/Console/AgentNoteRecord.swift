import Foundation
import GRDB

/// An agent's internal note on a conversation: never shown to the customer,
/// sealed under the conversation's subject key (it may quote them).
struct AgentNoteRecord: Sendable, Hashable, Codable {
    var id: String
    var conversationID: String
    /// Token id of the agent who wrote it.
    var author: String
    var sealedText: Data
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, conversationID = "conversation_id", author, sealedText = "text", createdAt = "created_at"
    }
}

extension AgentNoteRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "agent_note"
}

/// A note as readers see it; `text` is nil once the subject was erased or the
/// conversation anonymized.
public struct AgentNote: Sendable, Hashable {
    public var id: String
    public var conversationID: String
    public var author: String
    public var text: String?
    public var at: Date
}
