import Foundation
import ParleyStore

/// A retention policy (`policies/retention.yml`, see `parley-retention(5)`):
/// rules per data category and the purposes data is held for.
public struct RetentionPolicy: Sendable, Hashable {
    /// Why data is held: shown in access requests (GDPR Art. 15(1)(a)).
    public struct Purpose: Sendable, Hashable, Codable {
        public var name: String
        public var description: String
        public var legalBasis: String?
        public var categories: [DataCategory]

        public init(name: String, description: String, legalBasis: String? = nil, categories: [DataCategory]) {
            self.name = name
            self.description = description
            self.legalBasis = legalBasis
            self.categories = categories
        }

        enum CodingKeys: String, CodingKey {
            case name, description, legalBasis = "legal_basis", categories
        }
    }

    public var rules: [RetentionRule]
    public var purposes: [Purpose]
    /// SHA-256 (hex) of the policy file's bytes: what the audit log records.
    public var sha256: String
    /// The policy file's text, kept with each run so an interrupted run resumes with the same rules.
    public var text: String

    public init(rules: [RetentionRule], purposes: [Purpose] = [], sha256: String, text: String) throws(RetentionError) {
        var names = Set<String>()
        for rule in rules {
            try rule.validate()
            guard names.insert(rule.name).inserted else {
                throw .invalidRule(rule: rule.name, key: "name", reason: "two rules have this name")
            }
        }
        self.rules = rules
        self.purposes = purposes
        self.sha256 = sha256
        self.text = text
    }

    /// The rules of one category.
    public func rules(for category: DataCategory) -> [RetentionRule] {
        rules.filter { $0.category == category }
    }

    /// The categories some rule removes data from.
    public var categoriesWithRemovals: [DataCategory] {
        DataCategory.allCases.filter { category in rules.contains { $0.category == category && $0.action != .keep } }
    }
}
