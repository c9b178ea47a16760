/// Decoding of the policy file format (see `policies/pii.yml`):
///
/// ```yaml
/// default_threshold: 0.5
/// default_operator: placeholder        # or {name: mask, keep_last: 4, character: "*"}
/// entities:
///   CREDIT_CARD: {enabled: true, threshold: 0.6, operator: mask}
/// keep:
///   - {prefix: "#", followed_by: digits}
///   - "ORD-"
/// ```
extension RedactionPolicy: Decodable {
    public init(from decoder: any Decoder) throws {
        let root = try Self.container(decoder, path: "")
        try root.rejectUnknownKeys(
            allowed: ["default_threshold", "default_operator", "entities", "keep"], path: "")
        var policy = RedactionPolicy()
        if let threshold = try root.field(Double.self, "default_threshold", path: "", expected: "a number") {
            policy.defaultThreshold = threshold
        }
        if let choice = try root.field(OperatorSpec.self, "default_operator", path: "", expected: "an operator") {
            policy.defaultOperator = choice.value
        }
        if let entities = try root.field(EntitiesSpec.self, "entities", path: "", expected: "a mapping") {
            policy.entities = entities.value
        }
        if let keep = try root.field([KeepRuleSpec].self, "keep", path: "", expected: "a list of keep rules") {
            policy.keep = keep.map(\.value)
        }
        try policy.validate()
        self = policy
    }

    static func container(_ decoder: any Decoder, path: String) throws -> KeyedDecodingContainer<PolicyKey> {
        do {
            return try decoder.container(keyedBy: PolicyKey.self)
        } catch {
            throw RedactionError.invalidPolicyValue(path: path.isEmpty ? "(root)" : path, reason: "expected a mapping")
        }
    }

    static func path(of decoder: any Decoder) -> String {
        var path = ""
        for key in decoder.codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path = PolicyPath.join(path, key.stringValue)
            }
        }
        return path
    }
}
