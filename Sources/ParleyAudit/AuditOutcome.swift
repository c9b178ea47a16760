/// How an audited action ended. Encoded by its raw value.
public enum AuditOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case success, denied, failure
}
