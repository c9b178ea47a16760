/// Something to record: who did what to which target, and how it ended. The
/// trail gives it its sequence number and time. Details never hold customer
/// text: ids, names of intents, queues, rules, counts.
public struct AuditEvent: Sendable, Hashable {
    public var actor: AuditActor
    public var role: AuditRole
    public var action: String
    public var target: AuditTarget?
    public var outcome: AuditOutcome
    public var details: [String: String]

    public init(
        actor: AuditActor, role: AuditRole, action: String, target: AuditTarget? = nil,
        outcome: AuditOutcome = .success, details: [String: String] = [:]
    ) {
        self.actor = actor
        self.role = role
        self.action = action
        self.target = target
        self.outcome = outcome
        self.details = details
    }
}

extension AuditEvent {
    /// The same event naming the pseudonymous data subject it concerns
    /// (detail `subject`), so that an erasure report can find a subject's
    /// entries without any personal data in the log.
    public func naming(subject: String) -> AuditEvent {
        var event = self
        event.details["subject"] = subject
        return event
    }
}
