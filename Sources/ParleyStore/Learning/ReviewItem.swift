import Foundation

/// A turn the bot was unsure of, waiting for an agent's label.
public struct ReviewItem: Sendable, Hashable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case open, labelled, dismissed
    }

    public var id: Int64
    public var conversationID: String
    public var seq: Int
    /// The redacted text; nil when it is no longer readable (erased, anonymized).
    public var text: String?
    /// `low_confidence`, `ambiguous`, `fallback` or `handoff`.
    public var reason: String
    public var rule: String?
    public var predictedIntent: String?
    public var confidence: Double?
    public var margin: Double?
    /// How often this (normalised) text was seen while the item was open.
    public var occurrences: Int
    public var status: Status
    public var createdAt: Date
    public var lastSeenAt: Date
    public var closedAt: Date?
    public var closedBy: String?
}

extension ReviewItem: CustomStringConvertible, CustomReflectable {
    /// Never the text.
    public var description: String { "ReviewItem(\(id), \(conversationID)#\(seq), \(reason))" }
    public var customMirror: Mirror { Mirror(self, children: ["id": id, "reason": reason]) }
}
