/// List-valued details (parley-audit-format(5), "List-valued details"): the
/// items joined by commas in detail `name`, continued in `name.2`, `name.3`,
/// … when the list exceeds one value's 1024 bytes, each part holding as many
/// whole items as fit. An empty list is `name` = "".
public enum AuditDetailList {
    /// The details holding `items` under `name`. Items must be non-empty, hold
    /// no comma and fit in one value; the parts' keys must be valid detail keys.
    public static func details(_ name: String, _ items: [String]) throws(AuditError) -> [String: String] {
        let limit = AuditEntry.maximumDetailValueBytes
        var parts = [String]()
        var current = ""
        for item in items {
            guard !item.isEmpty, !item.contains(","), item.utf8.count <= limit else {
                throw .invalidField(field: "details", reason: "list items are non-empty, hold no comma and fit in 1024 bytes")
            }
            if current.isEmpty {
                current = item
            } else if current.utf8.count + 1 + item.utf8.count <= limit {
                current += "," + item
            } else {
                parts.append(current)
                current = item
            }
        }
        parts.append(current)
        var details = [String: String]()
        for (index, part) in parts.enumerated() {
            let key = index == 0 ? name : "\(name).\(index + 1)"
            guard FieldGrammar.isDetailKey(key, maxBytes: AuditEntry.maximumDetailKeyBytes) else {
                throw .invalidField(field: "details", reason: "keys are 1 to 64 characters of [A-Za-z0-9_.-]")
            }
            details[key] = part
        }
        return details
    }

    /// The list under `name` in `details`: `name`, then `name.2`, … up to the
    /// first missing part; nil when `name` is absent.
    public static func items(_ name: String, in details: [String: String]) -> [String]? {
        guard let first = details[name] else { return nil }
        guard !first.isEmpty else { return [] }
        var parts = [first]
        var index = 2
        while let part = details["\(name).\(index)"] {
            parts.append(part)
            index += 1
        }
        return parts.joined(separator: ",").split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
}
