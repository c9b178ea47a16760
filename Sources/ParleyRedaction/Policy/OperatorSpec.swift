/// An operator: either its name (`mask`) or a mapping
/// `{name: mask, keep_last: 4, character: "*"}`.
struct OperatorSpec: Decodable {
    let value: RedactionOperator

    init(from decoder: any Decoder) throws {
        let path = RedactionPolicy.path(of: decoder)
        if let single = try? decoder.singleValueContainer(), let name = try? single.decode(String.self) {
            value = try Self.make(name: name, keepLast: nil, character: nil, path: path)
            return
        }
        let container = try RedactionPolicy.container(decoder, path: path)
        try container.rejectUnknownKeys(allowed: ["name", "keep_last", "character"], path: path)
        guard let name = try container.field(String.self, "name", path: path, expected: "an operator name") else {
            throw RedactionError.invalidPolicyValue(path: PolicyPath.join(path, "name"), reason: "is required")
        }
        let keepLast = try container.field(Int.self, "keep_last", path: path, expected: "an integer")
        let character = try container.field(String.self, "character", path: path, expected: "a single character")
        value = try Self.make(name: name, keepLast: keepLast, character: character, path: path)
    }

    private static func make(name: String, keepLast: Int?, character: String?, path: String) throws -> RedactionOperator {
        guard let kind = RedactionOperator.Kind(rawValue: name) else {
            let names = RedactionOperator.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw RedactionError.invalidPolicyValue(path: path, reason: "unknown operator '\(name)' (expected one of \(names))")
        }
        if kind != .mask, keepLast != nil || character != nil {
            throw RedactionError.invalidPolicyValue(path: path, reason: "keep_last and character apply only to mask")
        }
        switch kind {
        case .placeholder: return .placeholder
        case .hash: return .hash
        case .drop: return .drop
        case .vault: return .vault
        case .mask:
            var maskCharacter: Character = "*"
            if let character {
                guard character.count == 1, let first = character.first else {
                    throw RedactionError.invalidPolicyValue(
                        path: PolicyPath.join(path, "character"), reason: "must be exactly one character")
                }
                maskCharacter = first
            }
            return .mask(keepLast: keepLast ?? 4, character: maskCharacter)
        }
    }
}
