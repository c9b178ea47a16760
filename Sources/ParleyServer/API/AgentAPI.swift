import Foundation
import ParleyEngine
import ParleyStore

struct QueuesResponse: Encodable {
    let queues: [QueueView]
}

struct HandoffView: Encodable {
    let id: Int64?
    let conversationID: String
    let queue: String
    let reason: String
    let rule: String
    let status: String
    let claimedBy: String?
    let createdAt: Date
    let claimedAt: Date?
    let resolvedAt: Date?

    init(_ record: HandoffRecord) {
        id = record.id
        conversationID = record.conversationID
        queue = record.queue
        reason = record.reason
        rule = record.rule
        status = record.status.rawValue
        claimedBy = record.claimedBy
        createdAt = record.createdAt
        claimedAt = record.claimedAt
        resolvedAt = record.resolvedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, conversationID = "conversation_id", queue, reason, rule, status
        case claimedBy = "claimed_by", createdAt = "created_at", claimedAt = "claimed_at", resolvedAt = "resolved_at"
    }
}

struct HandoffListResponse: Encodable {
    let queue: String
    let handoffs: [HandoffView]
}

struct AgentReplyRequest: Decodable {
    let text: String
}

struct AgentReplyResponse: Encodable {
    let conversationID: String
    let seq: Int

    enum CodingKeys: String, CodingKey {
        case conversationID = "conversation_id", seq
    }
}

struct ResolveRequest: Decodable {
    let intent: String
    let note: String?
    /// The intent is not in the domain yet: propose it as a candidate.
    let newIntent: Bool?

    enum CodingKeys: String, CodingKey { case intent, note, newIntent = "new_intent" }
}

/// `GET /v1/conversations/{id}`: the stored, redacted transcript.
struct TranscriptResponse: Encodable {
    struct Turn: Encodable {
        let seq: Int
        let role: String
        /// null when the customer's data was erased.
        let text: String?
        let intent: String?
        let confidence: Double?
        let at: Date

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(seq, forKey: .seq)
            try container.encode(role, forKey: .role)
            if let text { try container.encode(text, forKey: .text) } else { try container.encodeNil(forKey: .text) }
            try container.encodeIfPresent(intent, forKey: .intent)
            try container.encodeIfPresent(confidence, forKey: .confidence)
            try container.encode(at, forKey: .at)
        }

        enum CodingKeys: String, CodingKey { case seq, role, text, intent, confidence, at }
    }

    let conversationID: String
    let status: String
    let turns: [Turn]
    let handoff: HandoffView?

    init(_ transcript: Transcript) {
        conversationID = transcript.conversationID
        status = transcript.status.rawValue
        turns = transcript.turns.map {
            Turn(seq: $0.seq, role: $0.role.rawValue, text: $0.text, intent: $0.intent, confidence: $0.confidence, at: $0.at)
        }
        handoff = transcript.handoff.map(HandoffView.init)
    }

    enum CodingKeys: String, CodingKey {
        case conversationID = "conversation_id", status, turns, handoff
    }
}
