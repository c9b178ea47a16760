/// The kinds of data a retention policy speaks about.
public enum DataCategory: String, Sendable, Hashable, Codable, CodingKeyRepresentable, CaseIterable {
    /// Conversations: their turns' text and the dialogue state.
    case conversations
    /// Raw PII values a redaction policy chose to keep (sealed).
    case vault
    /// Agents' replies (agent turns) and resolution notes.
    case agentNotes = "agent_notes"
    /// Agents' feedback: the intent a handed-off message should have had (the learning loop's labels).
    case feedback
    /// Handoff records (queue, reason, rule, agent, times) of resolved handoffs.
    case handoffs
    /// The built-in CRM's orders and tickets.
    case crm
    /// Model versions other than the active one.
    case models
    /// Audit entries.
    case audit
}
