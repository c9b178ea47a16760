/// The role under which an actor acted. Encoded by its raw value.
public enum AuditRole: String, Sendable, Hashable, Codable, CaseIterable {
    case channel, agent, admin, auditor, system, `operator`
}
