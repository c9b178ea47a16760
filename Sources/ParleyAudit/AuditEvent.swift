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
