import Foundation
import ParleyEngine
import ParleyLearning
import ParleyStore

/// `GET /v1/review`: open items of the review queue.
struct ReviewListResponse: Encodable {
    let items: [ReviewItemView]
    /// Open items by reason, all of them.
    let open: [String: Int]
    /// The `after` to pass for the next page (nil: this was the last).
    let next: Int64?
}

public struct ReviewItemView: Encodable {
    let id: Int64
    let conversationID: String
    let seq: Int
    /// The redacted text, as stored.
    let text: String?
    let reason: String
    let rule: String?
    let predictedIntent: String?
    let confidence: Double?
    let margin: Double?
    let occurrences: Int
    let createdAt: Date
    let lastSeenAt: Date

    public init(_ item: ReviewItem) {
        id = item.id
        conversationID = item.conversationID
        seq = item.seq
        text = item.text
        reason = item.reason
        rule = item.rule
        predictedIntent = item.predictedIntent
        confidence = item.confidence
        margin = item.margin
        occurrences = item.occurrences
        createdAt = item.createdAt
        lastSeenAt = item.lastSeenAt
    }

    enum CodingKeys: String, CodingKey {
        case id, conversationID = "conversation_id", seq, text, reason, rule, predictedIntent = "predicted_intent"
        case confidence, margin, occurrences, createdAt = "created_at", lastSeenAt = "last_seen_at"
    }
}

/// A label: intent, entities (offsets in the redacted text), and whether the intent is new.
struct LabelRequest: Decodable {
    struct EntitySpan: Decodable {
        let entity: String
        let start: Int
        let end: Int
    }

    let intent: String
    let entities: [EntitySpan]?
    let newIntent: Bool?

    enum CodingKeys: String, CodingKey { case intent, entities, newIntent = "new_intent" }

    var labelEntities: [LabelEntity] { (entities ?? []).map { LabelEntity(entity: $0.entity, start: $0.start, end: $0.end) } }
}

public struct LabelView: Encodable {
    let conversationID: String
    let seq: Int
    let source: String
    let intent: String
    let entities: [LabelEntity]
    let predictedIntent: String?
    let previousIntent: String?
    let labelledBy: String
    let labelledAt: Date
    /// The intent is new: it waits for an admin to add it to the domain or map it.
    let candidateIntent: Bool

    public init(_ outcome: LabelOutcome) {
        conversationID = outcome.label.conversationID
        seq = outcome.label.seq
        source = outcome.label.source.rawValue
        intent = outcome.label.intent
        entities = outcome.label.entities
        predictedIntent = outcome.label.predictedIntent
        previousIntent = outcome.previous?.intent
        labelledBy = outcome.label.labelledBy
        labelledAt = outcome.label.labelledAt
        candidateIntent = outcome.proposedIntent
    }

    enum CodingKeys: String, CodingKey {
        case conversationID = "conversation_id", seq, source, intent, entities, predictedIntent = "predicted_intent"
        case previousIntent = "previous_intent", labelledBy = "labelled_by", labelledAt = "labelled_at", candidateIntent = "candidate_intent"
    }
}

public struct CandidateIntentListResponse: Encodable {
    struct Candidate: Encodable {
        let name: String
        let status: String
        let labels: Int
        let proposedBy: String
        let proposedAt: Date
        let mappedTo: String?
        let decidedBy: String?
        let decidedAt: Date?

        enum CodingKeys: String, CodingKey {
            case name, status, labels, proposedBy = "proposed_by", proposedAt = "proposed_at", mappedTo = "mapped_to"
            case decidedBy = "decided_by", decidedAt = "decided_at"
        }
    }

    let candidates: [Candidate]

    public init(_ candidates: [CandidateIntent]) {
        self.candidates = candidates.map {
            Candidate(name: $0.name, status: $0.status.rawValue, labels: $0.labels, proposedBy: $0.proposedBy, proposedAt: $0.proposedAt,
                      mappedTo: $0.mappedTo, decidedBy: $0.decidedBy, decidedAt: $0.decidedAt)
        }
    }
}

struct AddIntentRequest: Decodable {
    let name: String
    let response: String?
    let queue: String?
}

public struct IntentView: Encodable {
    let name: String
    let response: String?
    let queue: String?
    let addedBy: String
    let addedAt: Date

    public init(_ overlay: IntentOverlay) {
        name = overlay.name
        response = overlay.response
        queue = overlay.queue
        addedBy = overlay.addedBy
        addedAt = overlay.addedAt
    }

    enum CodingKeys: String, CodingKey { case name, response, queue, addedBy = "added_by", addedAt = "added_at" }
}

struct MapIntentRequest: Decodable {
    let to: String
}

struct MapIntentResponse: Encodable {
    let name: String
    let mappedTo: String
    let labelsMoved: Int

    enum CodingKeys: String, CodingKey { case name, mappedTo = "mapped_to", labelsMoved = "labels_moved" }
}
