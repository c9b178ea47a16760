import ParleyStore

/// One rule of a retention policy: for items of a category (optionally only
/// those of some channels, queues or statuses), keep them at least `days`,
/// or delete or anonymize them once they are `days` old, counted from `basis`.
public struct RetentionRule: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        /// A minimum: nothing removes the item before it is this old.
        case keep
        case delete
        /// Conversations only: remove text and state, keep the non-personal shape.
        case anonymize
    }

    /// The moment an item's age is counted from.
    public enum Basis: String, Sendable, Hashable, Codable, CaseIterable {
        case created
        case lastActivity = "last_activity"
        /// When it closed (a resolved handoff; a conversation with no open handoff,
        /// at its last activity; a delivered, cancelled or returned order; a closed
        /// ticket). Open items never age on this basis.
        case closed
    }

    /// Restricts a rule to items whose channel, queue or status is one of those listed.
    public struct Conditions: Sendable, Hashable, Codable {
        public var channel: Set<String>?
        public var queue: Set<String>?
        public var status: Set<String>?

        public init(channel: Set<String>? = nil, queue: Set<String>? = nil, status: Set<String>? = nil) {
            self.channel = channel
            self.queue = queue
            self.status = status
        }

        /// How explicit the rule is: the number of condition keys it sets.
        public var specificity: Int { [channel, queue, status].filter { $0 != nil }.count }

        public func match(_ item: RetentionItem) -> Bool {
            func matches(_ allowed: Set<String>?, _ value: String?) -> Bool {
                guard let allowed else { return true }
                return value.map(allowed.contains) ?? false
            }
            return matches(channel, item.channel) && matches(queue, item.queue) && matches(status, item.status)
        }
    }

    public var name: String
    public var category: DataCategory
    public var action: Action
    public var days: Int
    public var basis: Basis
    public var conditions: Conditions
    /// Models: the newest versions never deleted, whatever their age (the active one never is).
    public var keepLatest: Int?
    /// Models: a model trained on data erased since must be replaced within this many days.
    public var retrainWithinDays: Int?

    public init(
        name: String, category: DataCategory, action: Action, days: Int, basis: Basis = .created,
        conditions: Conditions = Conditions(), keepLatest: Int? = nil, retrainWithinDays: Int? = nil
    ) {
        self.name = name
        self.category = category
        self.action = action
        self.days = days
        self.basis = basis
        self.conditions = conditions
        self.keepLatest = keepLatest
        self.retrainWithinDays = retrainWithinDays
    }
}

extension RetentionRule {
    /// The bases each category has times for.
    static func bases(of category: DataCategory) -> Set<Basis> {
        switch category {
        case .conversations, .handoffs, .crm: [.created, .lastActivity, .closed]
        case .vault, .agentNotes, .feedback, .models, .audit: [.created]
        }
    }

    /// The condition keys each category's items have values for.
    static func conditionKeys(of category: DataCategory) -> Set<String> {
        switch category {
        case .conversations: ["channel", "queue", "status"]
        case .handoffs: ["channel", "queue"]
        case .feedback, .agentNotes: ["channel", "queue"]
        case .vault: ["channel"]
        case .crm: ["status"]
        case .models, .audit: []
        }
    }

    /// Checks that the rule can apply as written.
    public func validate() throws(RetentionError) {
        guard !name.isEmpty else { throw .invalidRule(rule: "(unnamed)", key: "name", reason: "every rule needs a name") }
        guard (0...36_500).contains(days) else { throw .invalidRule(rule: name, key: "days", reason: "expected 0 to 36500 days") }
        guard Self.bases(of: category).contains(basis) else {
            throw .invalidRule(rule: name, key: "basis", reason: "\(category.rawValue) have no '\(basis.rawValue)' time; use one of \(Self.bases(of: category).map(\.rawValue).sorted().joined(separator: ", "))")
        }
        if action == .anonymize, category != .conversations {
            throw .invalidRule(rule: name, key: "action", reason: "only conversations can be anonymized; delete \(category.rawValue) instead")
        }
        if category == .audit, action != .keep {
            throw .invalidRule(rule: name, key: "action", reason: "audit entries hold no personal data and are only kept; pruning them is not supported")
        }
        let used: [(String, Set<String>?)] = [("channel", conditions.channel), ("queue", conditions.queue), ("status", conditions.status)]
        for (key, values) in used where values != nil {
            guard Self.conditionKeys(of: category).contains(key) else {
                throw .invalidRule(rule: name, key: "when.\(key)", reason: "\(category.rawValue) have no \(key)")
            }
            guard let values, !values.isEmpty, !values.contains("") else {
                throw .invalidRule(rule: name, key: "when.\(key)", reason: "expected a non-empty list of values")
            }
        }
        if keepLatest != nil || retrainWithinDays != nil, category != .models {
            throw .invalidRule(rule: name, key: keepLatest != nil ? "keep_latest" : "retrain_within_days", reason: "only for models")
        }
        if let keepLatest, !(1...1000).contains(keepLatest) {
            throw .invalidRule(rule: name, key: "keep_latest", reason: "expected 1 to 1000")
        }
        if let retrainWithinDays, !(0...3650).contains(retrainWithinDays) {
            throw .invalidRule(rule: name, key: "retrain_within_days", reason: "expected 0 to 3650 days")
        }
    }
}
