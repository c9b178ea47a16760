import Foundation

/// An intent a label named before the domain knew it.
public struct CandidateIntent: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Waiting for an admin: its labels train nothing yet.
        case pending
        /// Added to the domain (see ``IntentOverlay``).
        case added
        /// Its labels were moved to an existing intent.
        case mapped
    }

    public var name: String
    public var status: Status
    public var proposedBy: String
    public var proposedAt: Date
    public var mappedTo: String?
    public var decidedBy: String?
    public var decidedAt: Date?
    /// Labels naming it now.
    public var labels: Int
}

/// An intent an admin added to the domain, kept in the store: the bot's files
/// of an installed host are not edited. The engine merges these into the bot
/// when it loads it.
public struct IntentOverlay: Sendable, Hashable, Codable {
    public var name: String
    /// The answer (`utter_<name>`), admin-written; nil when the intent hands off instead.
    public var response: String?
    /// The queue the intent hands off to (an escalation rule), if any.
    public var queue: String?
    public var addedBy: String
    public var addedAt: Date

    public init(name: String, response: String?, queue: String?, addedBy: String, addedAt: Date) {
        self.name = name
        self.response = response
        self.queue = queue
        self.addedBy = addedBy
        self.addedAt = addedAt
    }
}
