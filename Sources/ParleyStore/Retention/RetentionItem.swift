import Foundation

/// One item of a data category, with the facts retention rules and legal
/// holds test: its times, what it belongs to, and its channel, queue and
/// status. Carries ids only, never content.
public struct RetentionItem: Sendable, Hashable {
    public let category: DataCategory
    /// The row's key within its category (a conversation id, a row id, `order:<number>`).
    public let id: String
    public let conversationID: String?
    public let subjectID: String?
    public let customerID: String?
    public let channel: String?
    public let queue: String?
    public let status: String?
    public let createdAt: Date
    public let lastActivityAt: Date
    /// When it closed (a resolved handoff; a conversation without an open handoff
    /// at its last activity); nil while open.
    public let closedAt: Date?
    /// Already anonymized: an `anonymize` action has nothing left to do.
    public let anonymized: Bool

    public init(
        category: DataCategory, id: String, conversationID: String? = nil, subjectID: String? = nil, customerID: String? = nil,
        channel: String? = nil, queue: String? = nil, status: String? = nil, createdAt: Date, lastActivityAt: Date? = nil,
        closedAt: Date? = nil, anonymized: Bool = false
    ) {
        self.category = category
        self.id = id
        self.conversationID = conversationID
        self.subjectID = subjectID
        self.customerID = customerID
        self.channel = channel
        self.queue = queue
        self.status = status
        self.createdAt = createdAt
        self.lastActivityAt = lastActivityAt ?? createdAt
        self.closedAt = closedAt
        self.anonymized = anonymized
    }
}

/// What one retention chunk removed, by kind of row.
public struct RetentionCounts: Sendable, Hashable, Codable {
    public var deleted = 0
    public var anonymized = 0
    public var turns = 0
    public var vault = 0
    public var notes = 0
    public var feedback = 0
    public var handoffs = 0
    public var subjectsShredded = 0

    public init() {}

    public mutating func add(_ other: RetentionCounts) {
        deleted += other.deleted
        anonymized += other.anonymized
        turns += other.turns
        vault += other.vault
        notes += other.notes
        feedback += other.feedback
        handoffs += other.handoffs
        subjectsShredded += other.subjectsShredded
    }

    enum CodingKeys: String, CodingKey {
        case deleted, anonymized, turns, vault, notes, feedback, handoffs, subjectsShredded = "subjects_shredded"
    }
}
