import Foundation
import GRDB

/// An agent's verdict on a handed-off conversation, for the learning loop:
/// the intent the triggering message really had, and a resolution note
/// (sealed under the subject key, as it may quote the customer).
struct FeedbackRecord: Sendable, Hashable, Codable {
    var id: Int64?
    var conversationID: String
    var handoffID: Int64
    var turnID: Int64?
    var predictedIntent: String?
    var correctIntent: String
    var sealedNote: Data?
    var agent: String
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, conversationID = "conversation_id", handoffID = "handoff_id", turnID = "turn_id"
        case predictedIntent = "predicted_intent", correctIntent = "correct_intent"
        case sealedNote = "note", agent, createdAt = "created_at"
    }
}

extension FeedbackRecord: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "feedback"

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
