import ParleyAudit

/// Who asks for a retention run, a hold, an erasure or an export, as the audit log names them.
public struct Requester: Sendable, Hashable {
    public let actor: AuditActor
    public let role: AuditRole

    public init(actor: AuditActor, role: AuditRole) {
        self.actor = actor
        self.role = role
    }

    public static let system = Requester(actor: .system, role: .system)

    func event(_ action: String, target: AuditTarget? = nil, outcome: AuditOutcome = .success, details: [String: String] = [:]) -> AuditEvent {
        AuditEvent(actor: actor, role: role, action: action, target: target, outcome: outcome, details: details)
    }
}
