import ParleyEscalation
import ParleyNLU

/// The outcome of one customer turn, as the API returns it.
public struct TurnResult: Sendable, Codable {
    public enum Status: String, Sendable, Codable {
        case bot, handoff
    }

    public var conversationID: String
    public var replies: [String]
    public var intent: IntentScore
    /// Entities of the redacted text (offsets in its Unicode scalars).
    public var entities: [Entity]
    public var ranking: IntentRanking
    public var status: Status
    /// Set while the conversation is with human agents.
    public var handoff: Handoff?
    /// The redacted text, as stored and as NLU saw it.
    public var redactedText: String
    /// True when this is the stored answer to an earlier attempt with the same idempotency key.
    public var replayed = false
}
