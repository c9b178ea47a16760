/// Which entity types are redacted, at what score, with which operator, and which
/// business identifiers are protected. Decode it from `policies/pii.yml` (or JSON);
/// decoding validates it and reports problems as `RedactionError`.
public struct RedactionPolicy: Sendable, Hashable {
    /// Threshold for types without their own.
    public var defaultThreshold: Double
    /// Operator for types without their own.
    public var defaultOperator: RedactionOperator
    /// Settings per type; a type that is absent is enabled with the defaults.
    public var entities: [PIIEntityType: EntityPolicy]
    /// Business identifiers that are never redacted.
    public var keep: [KeepRule]

    public init(
        defaultThreshold: Double = 0.5,
        defaultOperator: RedactionOperator = .placeholder,
        entities: [PIIEntityType: EntityPolicy] = [:],
        keep: [KeepRule] = RedactionPolicy.defaultKeepRules
    ) {
        self.defaultThreshold = defaultThreshold
        self.defaultOperator = defaultOperator
        self.entities = entities
        self.keep = keep
    }

    public func isEnabled(_ type: PIIEntityType) -> Bool {
        entities[type]?.enabled ?? true
    }

    public func threshold(for type: PIIEntityType) -> Double {
        entities[type]?.threshold ?? defaultThreshold
    }

    public func operatorChoice(for type: PIIEntityType) -> RedactionOperator {
        entities[type]?.operatorChoice ?? defaultOperator
    }

    /// Checks ranges that the type system cannot: thresholds in 0…1, mask lengths,
    /// non-empty keep prefixes. Decoding runs this; `Redactor.init` runs it again for
    /// policies built in code.
    public func validate() throws(RedactionError) {
        try Self.checkThreshold(defaultThreshold, path: "default_threshold")
        try Self.checkOperator(defaultOperator, path: "default_operator")
        for (type, entity) in entities {
            let base = "entities.\(type.rawValue)"
            if let threshold = entity.threshold {
                try Self.checkThreshold(threshold, path: base + ".threshold")
            }
            if let choice = entity.operatorChoice {
                try Self.checkOperator(choice, path: base + ".operator")
            }
        }
        for (index, rule) in keep.enumerated() {
            if rule.prefix.isEmpty {
                throw .invalidPolicyValue(path: "keep[\(index)].prefix", reason: "must not be empty")
            }
            if rule.prefix.utf8.count > 32 {
                throw .invalidPolicyValue(path: "keep[\(index)].prefix", reason: "longer than 32 bytes")
            }
        }
    }

    private static func checkThreshold(_ value: Double, path: String) throws(RedactionError) {
        guard value.isFinite, value >= 0, value <= 1 else {
            throw .invalidPolicyValue(path: path, reason: "must be a number from 0 to 1")
        }
    }

    private static func checkOperator(_ choice: RedactionOperator, path: String) throws(RedactionError) {
        if case .mask(let keepLast, let character) = choice {
            guard keepLast >= 0, keepLast <= 64 else {
                throw .invalidPolicyValue(path: path + ".keep_last", reason: "must be from 0 to 64")
            }
            guard !character.isLetter, !character.isNumber else {
                throw .invalidPolicyValue(path: path + ".mask_character", reason: "must not be a letter or digit")
            }
        }
    }
}
