/// A keep rule: either a bare prefix (`"ORD-"`) or
/// `{prefix: "#", followed_by: digits, case_sensitive: false}`.
struct KeepRuleSpec: Decodable {
    let value: KeepRule

    init(from decoder: any Decoder) throws {
        let path = RedactionPolicy.path(of: decoder)
        if let single = try? decoder.singleValueContainer(), let prefix = try? single.decode(String.self) {
            value = KeepRule(prefix: prefix)
            return
        }
        let container = try RedactionPolicy.container(decoder, path: path)
        try container.rejectUnknownKeys(allowed: ["prefix", "followed_by", "case_sensitive"], path: path)
        guard let prefix = try container.field(String.self, "prefix", path: path, expected: "a string") else {
            throw RedactionError.invalidPolicyValue(path: PolicyPath.join(path, "prefix"), reason: "is required")
        }
        var tail = KeepRule.Tail.alphanumeric
        if let name = try container.field(String.self, "followed_by", path: path, expected: "digits or alphanumeric") {
            guard let parsed = KeepRule.Tail(rawValue: name) else {
                throw RedactionError.invalidPolicyValue(
                    path: PolicyPath.join(path, "followed_by"), reason: "expected digits or alphanumeric")
            }
            tail = parsed
        }
        let caseSensitive = try container.field(Bool.self, "case_sensitive", path: path, expected: "true or false")
        value = KeepRule(prefix: prefix, followedBy: tail, caseSensitive: caseSensitive ?? false)
    }
}
