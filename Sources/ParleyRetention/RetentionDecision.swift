import Foundation
import ParleyStore

/// What a policy says of one item now.
public enum RetentionDecision: Sendable, Hashable {
    /// No rule removes it yet.
    case keep
    /// A `keep` rule protects it (the one with the longest period).
    case retained(rule: String)
    /// Legal holds cover it: nothing removes it.
    case held(holds: [String])
    case delete(rule: String)
    case anonymize(rule: String)
}

extension RetentionPolicy {
    /// The decision for `item` at `asOf`, by the precedence `parley-retention(5)` documents:
    ///
    /// 1. a legal hold beats every rule;
    /// 2. retention beats deletion: while any matching `keep` rule's period
    ///    runs, the item stays (so the longest retention wins);
    /// 3. explicit beats implicit: among matching `delete` and `anonymize`
    ///    rules, only those with the most conditions count;
    /// 4. among those whose period has passed, the shortest period wins; on a
    ///    tie, `delete` beats `anonymize`.
    public func decide(_ item: RetentionItem, asOf: Date, holds: HoldSet) -> RetentionDecision {
        let holding = holds.covering(item)
        if !holding.isEmpty { return .held(holds: holding) }
        let matching = rules(for: item.category).filter { $0.conditions.match(item) }
        let keeps = matching.filter { $0.action == .keep }
        let protecting = keeps.filter { rule in !Self.hasPassed(rule, item, asOf) }
        if let longest = protecting.max(by: { $0.days < $1.days }) { return .retained(rule: longest.name) }
        let removals = matching.filter { $0.action != .keep && !(item.anonymized && $0.action == .anonymize) }
        guard let explicitness = removals.map(\.conditions.specificity).max() else { return .keep }
        let due = removals.filter { $0.conditions.specificity == explicitness && Self.hasPassed($0, item, asOf) }
        let winner = due.min { lhs, rhs in
            if lhs.days != rhs.days { return lhs.days < rhs.days }
            if lhs.action != rhs.action { return lhs.action == .delete }
            return lhs.name < rhs.name
        }
        switch winner?.action {
        case .delete?: return .delete(rule: winner!.name)
        case .anonymize?: return .anonymize(rule: winner!.name)
        default: return .keep
        }
    }

    /// Whether the item is at least the rule's period old on the rule's basis.
    static func hasPassed(_ rule: RetentionRule, _ item: RetentionItem, _ asOf: Date) -> Bool {
        let since: Date? = switch rule.basis {
        case .created: item.createdAt
        case .lastActivity: item.lastActivityAt
        case .closed: item.closedAt
        }
        guard let since else { return false }
        return asOf.timeIntervalSince(since) >= Double(rule.days) * 86_400
    }
}
