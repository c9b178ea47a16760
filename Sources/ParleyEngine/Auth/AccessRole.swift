/// What a token may do.
public enum AccessRole: String, Sendable, Codable, CaseIterable {
    /// Customer channels (the web widget, a messaging bridge): send messages, read replies.
    case channel
    /// Support agents: queues, claim, reply, resolve, transcripts.
    case agent
    /// Administrators: models, retention, erasure, transcripts.
    case admin
    /// Compliance officers: audit export.
    case auditor
}

/// A caller that presented a valid token.
public struct AuthenticatedCaller: Sendable, Hashable {
    public let tokenID: String
    public let name: String
    public let role: AccessRole
}
