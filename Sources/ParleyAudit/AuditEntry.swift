/// One event of the audit trail: who did what to which target, when, and how
/// it ended. It never holds customer text or a secret: only identifiers,
/// enumerated words and short detail values.
///
/// Every initialiser validates the fields (grammar in `parley-audit-format(5)`),
/// so an `AuditEntry` always has exactly one canonical encoding
/// (``canonicalBytes``) and one JSON text (``canonicalJSON``).
public struct AuditEntry: Sendable, Hashable {
    /// Position in the log, starting at 1 and contiguous; leaf index = sequence − 1.
    public let sequence: UInt64
    public let time: AuditTime
    public let actor: AuditActor
    public let role: AuditRole
    /// A dotted verb: `conversation.read`, `handoff.claim`, `model.train`, `key.rotate`.
    public let action: String
    public let target: AuditTarget?
    public let outcome: AuditOutcome
    /// Short key/value facts (model version, intent, rule); never customer text.
    public let details: [String: String]

    public static let maximumActionBytes = 64
    public static let maximumDetails = 64
    public static let maximumDetailKeyBytes = 64
    public static let maximumDetailValueBytes = 1024

    public init(
        sequence: UInt64,
        time: AuditTime,
        actor: AuditActor,
        role: AuditRole,
        action: String,
        target: AuditTarget? = nil,
        outcome: AuditOutcome,
        details: [String: String] = [:]
    ) throws(AuditError) {
        guard sequence >= 1 else {
            throw .invalidField(field: "seq", reason: "sequence numbers start at 1")
        }
        guard FieldGrammar.isDottedVerb(action, maxBytes: Self.maximumActionBytes) else {
            throw .invalidField(field: "action", reason: "expected dotted words like 'conversation.read', at most 64 bytes")
        }
        guard details.count <= Self.maximumDetails else {
            throw .invalidField(field: "details", reason: "at most 64 details")
        }
        for (key, value) in details {
            guard FieldGrammar.isDetailKey(key, maxBytes: Self.maximumDetailKeyBytes) else {
                throw .invalidField(field: "details", reason: "keys are 1 to 64 characters of [A-Za-z0-9_.-]")
            }
            guard FieldGrammar.isPlainText(value, maxBytes: Self.maximumDetailValueBytes) else {
                throw .invalidField(field: "details", reason: "values are at most 1024 bytes without control characters")
            }
        }
        self.sequence = sequence
        self.time = time
        self.actor = actor
        self.role = role
        self.action = action
        self.target = target
        self.outcome = outcome
        self.details = details
    }

    /// The same entry at another position (used when the store assigns the sequence number).
    public func withSequence(_ sequence: UInt64) throws(AuditError) -> AuditEntry {
        try AuditEntry(
            sequence: sequence, time: time, actor: actor, role: role, action: action,
            target: target, outcome: outcome, details: details
        )
    }

    /// Detail pairs in canonical order: ascending by the UTF-8 bytes of the key.
    var sortedDetails: [(key: String, value: String)] {
        details.sorted { lhs, rhs in lhs.key.utf8.lexicographicallyPrecedes(rhs.key.utf8) }
    }
}
