import Foundation
import ParleyStore

/// What a retention run would do (a dry run), or did: per category, the
/// items examined, and per rule how many it removes, with the oldest and
/// newest affected item; what holds and `keep` rules exempt.
public struct RetentionPlan: Sendable, Hashable, Codable {
    public struct RuleCount: Sendable, Hashable, Codable {
        public var rule: String
        public var action: RetentionRule.Action
        public var count = 0
        /// Creation times of the oldest and newest item it affects.
        public var oldest: Date?
        public var newest: Date?

        mutating func add(_ item: RetentionItem) {
            count += 1
            oldest = min(oldest ?? item.createdAt, item.createdAt)
            newest = max(newest ?? item.createdAt, item.createdAt)
        }
    }

    public struct Category: Sendable, Hashable, Codable {
        public var category: DataCategory
        public var examined = 0
        public var rules: [RuleCount] = []
        /// Items that rules would remove but holds keep, per hold id.
        public var held: [String: Int] = [:]
        /// Items a `keep` rule protects.
        public var retained = 0

        public var removals: Int { rules.reduce(0) { $0 + $1.count } }

        mutating func count(_ item: RetentionItem, rule: RetentionRule) {
            if let index = rules.firstIndex(where: { $0.rule == rule.name }) {
                rules[index].add(item)
            } else {
                var entry = RuleCount(rule: rule.name, action: rule.action)
                entry.add(item)
                rules.append(entry)
            }
        }

        enum CodingKeys: String, CodingKey {
            case category, examined, rules, held, retained
        }
    }

    /// A model trained on data erased since, to be replaced within a rule's period.
    public struct Retrain: Sendable, Hashable, Codable {
        public var version: String
        public var erasures: [String]
        public var markedAt: Date
        public var due: Date?
        public var overdue: Bool

        enum CodingKeys: String, CodingKey {
            case version, erasures, markedAt = "marked_at", due, overdue
        }
    }

    public var asOf: Date
    public var policySHA256: String
    public var categories: [Category]
    public var retrain: [Retrain] = []

    public var removals: Int { categories.reduce(0) { $0 + $1.removals } }

    public func category(_ category: DataCategory) -> Category? {
        categories.first { $0.category == category }
    }

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of", policySHA256 = "policy_sha256", categories, retrain
    }
}

/// A plan under the current policy beside one under a proposed policy.
public struct RetentionPlanDifference: Sendable, Hashable, Codable {
    public struct Row: Sendable, Hashable, Codable {
        public var category: DataCategory
        public var current: Int
        public var proposed: Int
    }

    public var current: RetentionPlan
    public var proposed: RetentionPlan
    public var rows: [Row]

    public init(current: RetentionPlan, proposed: RetentionPlan) {
        self.current = current
        self.proposed = proposed
        rows = DataCategory.allCases.compactMap { category in
            let a = current.category(category)?.removals ?? 0
            let b = proposed.category(category)?.removals ?? 0
            return current.category(category) == nil && proposed.category(category) == nil ? nil : Row(category: category, current: a, proposed: b)
        }
    }
}
