import Foundation
import ParleyCrypto
import ParleyRetention
import ParleyStore

/// Reads `policies/retention.yml` (the format is `parley-retention(5)`):
///
/// ```yaml
/// version: 1
/// purposes:
///   - name: support
///     description: Answering customers and handing them to agents.
///     legal_basis: contract (GDPR Art. 6(1)(b))
///     categories: [conversations, agent_notes, handoffs]
/// rules:
///   - name: vault-30d
///     category: vault
///     action: delete            # keep | delete | anonymize
///     days: 30
///     basis: created            # created | last_activity | closed
///     when: { queue: [billing] } # optional: channel, queue, status
/// ```
/// A mistake is an error naming the file, the line and the key.
public enum RetentionPolicyReader {
    public static func load(_ url: URL) throws(EngineError) -> RetentionPolicy {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw .configuration(file: url.path, line: nil, key: nil, reason: "cannot be read (missing, unreadable or not UTF-8)")
        }
        return try read(text, file: url.path)
    }

    /// A policy from its text (a file, or the copy an interrupted run kept).
    public static func read(_ text: String, file: String) throws(EngineError) -> RetentionPolicy {
        let root = try YAMLNode.parse(text, file: file)
        let fields = try root.dictionary(allowed: ["version", "purposes", "rules"])
        guard let version = fields["version"] else { throw root.fail("version: 1 is required") }
        guard try version.int() == 1 else { throw version.fail("only version 1 is supported") }
        var purposes: [RetentionPolicy.Purpose] = []
        for item in try fields["purposes"]?.sequence() ?? [] {
            let spec = try item.dictionary(allowed: ["name", "description", "legal_basis", "categories"])
            guard let name = spec["name"], let description = spec["description"], let categories = spec["categories"] else {
                throw item.fail("a purpose needs name, description and categories")
            }
            purposes.append(.init(
                name: try name.nonEmptyString(), description: try description.nonEmptyString(),
                legalBasis: try spec["legal_basis"]?.nonEmptyString(), categories: try categoryList(categories)
            ))
        }
        var rules: [RetentionRule] = []
        var nodes: [String: YAMLNode] = [:]
        for item in try fields["rules"]?.sequence() ?? [] {
            let spec = try item.dictionary(allowed: ["name", "category", "action", "days", "basis", "when", "keep_latest", "retrain_within_days"])
            guard let name = spec["name"], let categoryNode = spec["category"], let action = spec["action"], let days = spec["days"] else {
                throw item.fail("a rule needs name, category, action and days")
            }
            let rule = RetentionRule(
                name: try name.nonEmptyString(), category: try category(categoryNode),
                action: try parse(action, RetentionRule.Action.self), days: try days.int(in: 0...36_500),
                basis: try spec["basis"].map { (node) throws(EngineError) in try parse(node, RetentionRule.Basis.self) } ?? .created,
                conditions: try spec["when"].map { (node) throws(EngineError) in try conditions(node) } ?? .init(),
                keepLatest: try spec["keep_latest"]?.int(in: 1...1_000),
                retrainWithinDays: try spec["retrain_within_days"]?.int(in: 0...3_650)
            )
            nodes[rule.name] = item
            rules.append(rule)
        }
        do {
            return try RetentionPolicy(rules: rules, purposes: purposes, sha256: sha256(text), text: text)
        } catch {
            // Name the rule's line and key as the file spells them.
            if case let .invalidRule(rule, key, reason) = error, let node = nodes[rule] {
                throw EngineError.configuration(file: file, line: node.line, key: "\(node.path).\(key)", reason: reason)
            }
            throw root.fail(error.description)
        }
    }

    /// The hash the audit log records for a policy file's bytes.
    public static func sha256(_ text: String) -> String {
        Hex.encode(SHA256.hash(Array(text.utf8)))
    }

    private static func category(_ node: YAMLNode) throws(EngineError) -> DataCategory {
        try parse(node, DataCategory.self)
    }

    private static func categoryList(_ node: YAMLNode) throws(EngineError) -> [DataCategory] {
        var categories: [DataCategory] = []
        if case .scalar = node.node { return [try category(node)] }
        for item in try node.sequence() { categories.append(try category(item)) }
        return categories
    }

    private static func conditions(_ node: YAMLNode) throws(EngineError) -> RetentionRule.Conditions {
        let spec = try node.dictionary(allowed: ["channel", "queue", "status"])
        func values(_ key: String) throws(EngineError) -> Set<String>? {
            guard let node = spec[key] else { return nil }
            return Set(try node.strings())
        }
        return RetentionRule.Conditions(channel: try values("channel"), queue: try values("queue"), status: try values("status"))
    }

    private static func parse<T: RawRepresentable & CaseIterable>(_ node: YAMLNode, _: T.Type) throws(EngineError) -> T where T.RawValue == String {
        let text = try node.nonEmptyString()
        guard let value = T(rawValue: text) else {
            throw node.fail("expected one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }
}
