/// `entities:` — a mapping from entity type name to its settings.
struct EntitiesSpec: Decodable {
    let value: [PIIEntityType: EntityPolicy]

    init(from decoder: any Decoder) throws {
        let path = RedactionPolicy.path(of: decoder)
        let container = try RedactionPolicy.container(decoder, path: path)
        var result: [PIIEntityType: EntityPolicy] = [:]
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            guard let type = PIIEntityType(rawValue: key.stringValue) else {
                throw RedactionError.unknownPolicyKey(path: PolicyPath.join(path, key.stringValue))
            }
            result[type] = try container.decode(EntitySpec.self, forKey: key).value
        }
        value = result
    }
}

/// One entity's settings: `enabled`, `threshold`, `operator`.
struct EntitySpec: Decodable {
    let value: EntityPolicy

    init(from decoder: any Decoder) throws {
        let path = RedactionPolicy.path(of: decoder)
        let container = try RedactionPolicy.container(decoder, path: path)
        try container.rejectUnknownKeys(allowed: ["enabled", "threshold", "operator"], path: path)
        value = EntityPolicy(
            enabled: try container.field(Bool.self, "enabled", path: path, expected: "true or false") ?? true,
            threshold: try container.field(Double.self, "threshold", path: path, expected: "a number"),
            operatorChoice: try container.field(OperatorSpec.self, "operator", path: path, expected: "an operator")?.value
        )
    }
}
