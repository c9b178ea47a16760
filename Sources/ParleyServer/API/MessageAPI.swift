import Foundation
import ParleyEngine
import ParleyNLU

/// `POST /v1/conversations/{id}/messages` body.
struct MessageRequest: Decodable {
    let text: String
    let customerID: String?

    enum CodingKeys: String, CodingKey {
        case text, customerID = "customer_id"
    }
}

/// The turn as the API returns it (DESIGN.md contract); `handoff` is always
/// present, `null` while the bot is in charge.
struct MessageResponse: Encodable {
    struct Reply: Encodable { let text: String }
    struct Intent: Encodable { let name: String; let confidence: Double }
    struct EntityView: Encodable { let entity: String; let value: String; let start: Int; let end: Int }
    struct HandoffView: Encodable { let queue: String; let reason: String }

    let conversationID: String
    let replies: [Reply]
    let intent: Intent
    let entities: [EntityView]
    let status: String
    let handoff: HandoffView?

    init(_ result: TurnResult) {
        conversationID = result.conversationID
        replies = result.replies.map(Reply.init)
        intent = Intent(name: result.intent.name, confidence: result.intent.confidence)
        entities = result.entities.map { EntityView(entity: $0.entity, value: $0.value, start: $0.start, end: $0.end) }
        status = result.status.rawValue
        handoff = result.handoff.map { HandoffView(queue: $0.queue, reason: $0.reason) }
    }

    enum CodingKeys: String, CodingKey {
        case conversationID = "conversation_id", replies, intent, entities, status, handoff
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(conversationID, forKey: .conversationID)
        try container.encode(replies, forKey: .replies)
        try container.encode(intent, forKey: .intent)
        try container.encode(entities, forKey: .entities)
        try container.encode(status, forKey: .status)
        if let handoff { try container.encode(handoff, forKey: .handoff) } else { try container.encodeNil(forKey: .handoff) }
    }
}

/// `GET /v1/conversations/{id}/replies?after=N`: what the bot and agents said since turn N.
struct RepliesResponse: Encodable {
    struct Reply: Encodable { let seq: Int; let role: String; let text: String?; let at: Date }
    let conversationID: String
    let status: String
    let replies: [Reply]

    enum CodingKeys: String, CodingKey {
        case conversationID = "conversation_id", status, replies
    }
}
