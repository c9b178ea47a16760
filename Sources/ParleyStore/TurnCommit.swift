import Foundation

/// Everything one customer turn changes, written in one transaction: the
/// conversation's new state, the messages of the turn, and a handoff if the
/// turn started one. Texts are redacted; the store seals them.
public struct TurnCommit: Sendable {
    public struct Message: Sendable {
        public var role: Role
        public var text: String
        public var intent: String?
        public var confidence: Double?
        /// Token id of an agent author.
        public var author: String?
        /// Raw PII values of this message that the policy keeps in the vault (type, value).
        public var vaulted: [(type: String, value: String)]

        public init(
            role: Role, text: String, intent: String? = nil, confidence: Double? = nil, author: String? = nil,
            vaulted: [(type: String, value: String)] = []
        ) {
            self.role = role
            self.text = text
            self.intent = intent
            self.confidence = confidence
            self.author = author
            self.vaulted = vaulted
        }
    }

    public struct NewHandoff: Sendable {
        public var queue: String
        public var reason: String
        public var rule: String

        public init(queue: String, reason: String, rule: String) {
            self.queue = queue
            self.reason = reason
            self.rule = rule
        }
    }

    /// Marks the turn's customer message for the review queue (the bot was unsure of it).
    public struct Review: Sendable {
        /// Why the turn is worth an agent's look: `low_confidence`, `ambiguous`, `fallback` or `handoff`.
        public var reason: String
        /// The escalation rule, for a handoff.
        public var rule: String?
        /// A keyed hash of the normalised redacted text: one open item per text.
        public var textKey: Data
        public var predictedIntent: String
        public var confidence: Double
        public var margin: Double
        /// Whether a new item may be opened (sampling); a repeat of an open item is always counted.
        public var sampled: Bool
        /// No new item is opened while this many are open.
        public var maxOpen: Int

        public init(
            reason: String, rule: String?, textKey: Data, predictedIntent: String, confidence: Double, margin: Double,
            sampled: Bool, maxOpen: Int
        ) {
            self.reason = reason
            self.rule = rule
            self.textKey = textKey
            self.predictedIntent = predictedIntent
            self.confidence = confidence
            self.margin = margin
            self.sampled = sampled
            self.maxOpen = maxOpen
        }
    }

    public var conversationID: String
    public var customerID: String?
    /// The channel delivering the turn; a conversation stays with the channel that started it.
    public var channel: String
    public var status: ConversationRecord.Status
    /// The dialogue tracker, serialised; sealed before storage.
    public var tracker: Data
    public var messages: [Message]
    public var handoff: NewHandoff?
    /// The customer message goes to the review queue (see ``Review``).
    public var review: Review?
    public var now: Date
    /// Audit entries written in the same transaction as the turn, given the
    /// pseudonymous subject the turn is stored under (known only in the commit).
    public var audit: @Sendable (_ subjectID: String) -> [AuditAppend]
    /// Audit entries for moving an anonymous conversation to its customer's
    /// subject (the old subject is shredded), written in that move's transaction.
    public var linkAudit: @Sendable (_ fromSubject: String, _ toSubject: String) -> [AuditAppend]
    /// The channel's idempotency key for this message and what to answer a
    /// retry with, stored (sealed) in the turn's transaction.
    public var idempotency: IdempotentReply?
    /// The conversation as the caller read it for this turn, so that the
    /// commit does not read it again (one database hop less per turn); nil:
    /// the commit reads it. Safe when stale: the write re-reads the row and
    /// refuses a changed channel or subject inside its transaction.
    public var snapshot: Snapshot?

    /// What the caller found: no conversation yet, or this row.
    public enum Snapshot: Sendable {
        case absent
        case present(ConversationRecord)
    }

    public init(
        conversationID: String, customerID: String?, channel: String, status: ConversationRecord.Status, tracker: Data,
        messages: [Message], handoff: NewHandoff?, review: Review? = nil, now: Date,
        audit: @escaping @Sendable (_ subjectID: String) -> [AuditAppend] = { _ in [] },
        linkAudit: @escaping @Sendable (_ fromSubject: String, _ toSubject: String) -> [AuditAppend] = { _, _ in [] }
    ) {
        self.audit = audit
        self.linkAudit = linkAudit
        self.channel = channel
        self.conversationID = conversationID
        self.customerID = customerID
        self.status = status
        self.tracker = tracker
        self.messages = messages
        self.handoff = handoff
        self.review = review
        self.now = now
        self.idempotency = nil
    }
}

extension TurnCommit.Message: CustomStringConvertible, CustomReflectable {
    /// Never the text or vaulted values.
    public var description: String {
        "Message(\(role.rawValue), \(text.unicodeScalars.count) scalars, \(vaulted.count) vaulted)"
    }

    public var customMirror: Mirror { Mirror(self, children: ["role": role, "intent": intent as Any]) }
}

extension LoadedConversation: CustomStringConvertible, CustomReflectable {
    /// Never the tracker (it may hold the customer's words).
    public var description: String { "LoadedConversation(\(record.id))" }

    public var customMirror: Mirror { Mirror(self, children: ["id": record.id]) }
}

/// Who wrote a message.
public enum Role: String, Sendable, Codable, CaseIterable {
    case customer, bot, agent
}

/// A conversation as the engine needs it to continue.
public struct LoadedConversation: Sendable {
    public var record: ConversationRecord
    /// The serialised tracker, unsealed; nil on the first turn.
    public var tracker: Data?
}

/// A stored message, unsealed. `text` is nil when its subject was erased.
public struct StoredTurn: Sendable, Hashable, Codable {
    public var seq: Int
    public var role: Role
    public var text: String?
    public var intent: String?
    public var confidence: Double?
    public var author: String?
    public var at: Date
}
