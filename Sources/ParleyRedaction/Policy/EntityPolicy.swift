/// Per-entity-type settings. `nil` fields fall back to the policy defaults.
public struct EntityPolicy: Sendable, Hashable {
    public var enabled: Bool
    /// Minimum score (0…1) a span needs to be redacted; `nil` uses the default.
    public var threshold: Double?
    /// Operator for this type; `nil` uses the policy's default operator.
    public var operatorChoice: RedactionOperator?

    public init(enabled: Bool = true, threshold: Double? = nil, operatorChoice: RedactionOperator? = nil) {
        self.enabled = enabled
        self.threshold = threshold
        self.operatorChoice = operatorChoice
    }
}
