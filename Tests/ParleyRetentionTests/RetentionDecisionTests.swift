import Foundation
import ParleyRetention
import ParleyStore
import Testing

/// The precedence `parley-retention(5)` documents, rule by rule.
@Suite struct RetentionDecisionTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func daysAgo(_ days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }

    static func conversation(age days: Double, queue: String? = nil, channel: String? = "channel:loopback", closed: Bool = true, anonymized: Bool = false, customer: String? = nil, id: String = "c-1") -> RetentionItem {
        RetentionItem(
            category: .conversations, id: id, conversationID: id, subjectID: "sub_1", customerID: customer, channel: channel,
            queue: queue, status: "bot", createdAt: daysAgo(days), lastActivityAt: daysAgo(days),
            closedAt: closed ? daysAgo(days) : nil, anonymized: anonymized
        )
    }

    static func policy(_ rules: [RetentionRule]) throws(RetentionError) -> RetentionPolicy {
        try RetentionPolicy(rules: rules, sha256: "test", text: "")
    }

    @Test func anItemYoungerThanEveryRuleIsKept() throws {
        let policy = try Self.policy([RetentionRule(name: "d", category: .conversations, action: .delete, days: 30)])
        #expect(policy.decide(Self.conversation(age: 29), asOf: Self.now, holds: .none) == .keep)
        #expect(policy.decide(Self.conversation(age: 30), asOf: Self.now, holds: .none) == .delete(rule: "d"))
    }

    @Test func retentionBeatsDeletionAndTheLongestRetentionWins() throws {
        let policy = try Self.policy([
            RetentionRule(name: "delete-30", category: .conversations, action: .delete, days: 30),
            RetentionRule(name: "keep-billing-7y", category: .conversations, action: .keep, days: 2555, conditions: .init(queue: ["billing"])),
            RetentionRule(name: "keep-1y", category: .conversations, action: .keep, days: 365),
        ])
        #expect(policy.decide(Self.conversation(age: 100), asOf: Self.now, holds: .none) == .retained(rule: "keep-1y"))
        #expect(policy.decide(Self.conversation(age: 400, queue: "billing"), asOf: Self.now, holds: .none) == .retained(rule: "keep-billing-7y"))
        #expect(policy.decide(Self.conversation(age: 400, queue: "general"), asOf: Self.now, holds: .none) == .delete(rule: "delete-30"))
        #expect(policy.decide(Self.conversation(age: 2600, queue: "billing"), asOf: Self.now, holds: .none) == .delete(rule: "delete-30"))
    }

    @Test func explicitBeatsImplicitAmongDeletions() throws {
        let policy = try Self.policy([
            RetentionRule(name: "all-90", category: .conversations, action: .delete, days: 90),
            RetentionRule(name: "billing-5y", category: .conversations, action: .delete, days: 1825, conditions: .init(queue: ["billing"])),
        ])
        // The billing rule is more explicit, so the shorter general rule does not apply to billing conversations.
        #expect(policy.decide(Self.conversation(age: 200, queue: "billing"), asOf: Self.now, holds: .none) == .keep)
        #expect(policy.decide(Self.conversation(age: 2000, queue: "billing"), asOf: Self.now, holds: .none) == .delete(rule: "billing-5y"))
        #expect(policy.decide(Self.conversation(age: 200, queue: "technical"), asOf: Self.now, holds: .none) == .delete(rule: "all-90"))
    }

    @Test func theShortestDeletionWinsAndDeleteBeatsAnonymizeOnATie() throws {
        let policy = try Self.policy([
            RetentionRule(name: "anonymize-90", category: .conversations, action: .anonymize, days: 90),
            RetentionRule(name: "delete-365", category: .conversations, action: .delete, days: 365),
            RetentionRule(name: "delete-90", category: .conversations, action: .delete, days: 90, conditions: .init()),
        ])
        #expect(policy.decide(Self.conversation(age: 100), asOf: Self.now, holds: .none) == .delete(rule: "delete-90"))
        let anonymizeFirst = try Self.policy([
            RetentionRule(name: "anonymize-90", category: .conversations, action: .anonymize, days: 90),
            RetentionRule(name: "delete-365", category: .conversations, action: .delete, days: 365),
        ])
        #expect(anonymizeFirst.decide(Self.conversation(age: 100), asOf: Self.now, holds: .none) == .anonymize(rule: "anonymize-90"))
        // Once anonymized, the later deletion applies.
        #expect(anonymizeFirst.decide(Self.conversation(age: 400, anonymized: true), asOf: Self.now, holds: .none) == .delete(rule: "delete-365"))
        #expect(anonymizeFirst.decide(Self.conversation(age: 100, anonymized: true), asOf: Self.now, holds: .none) == .keep)
    }

    @Test func anOpenItemNeverAgesOnTheClosedBasis() throws {
        let policy = try Self.policy([RetentionRule(name: "closed-30", category: .conversations, action: .delete, days: 30, basis: .closed)])
        #expect(policy.decide(Self.conversation(age: 900, closed: false), asOf: Self.now, holds: .none) == .keep)
        #expect(policy.decide(Self.conversation(age: 31, closed: true), asOf: Self.now, holds: .none) == .delete(rule: "closed-30"))
    }

    @Test func conditionsMatchOnlyTheListedValues() throws {
        let policy = try Self.policy([RetentionRule(name: "web-7", category: .conversations, action: .delete, days: 7, conditions: .init(channel: ["token:web"]))])
        #expect(policy.decide(Self.conversation(age: 10, channel: "token:web"), asOf: Self.now, holds: .none) == .delete(rule: "web-7"))
        #expect(policy.decide(Self.conversation(age: 10, channel: "token:ivr"), asOf: Self.now, holds: .none) == .keep)
        #expect(policy.decide(Self.conversation(age: 10, channel: nil), asOf: Self.now, holds: .none) == .keep)
    }

    @Test func aLegalHoldBeatsEveryRule() throws {
        let policy = try Self.policy([RetentionRule(name: "d", category: .conversations, action: .delete, days: 1)])
        let holds = HoldSet([
            LegalHoldRecord(id: "hold_c", scope: .customer, customerID: "C-1", reason: "r", authority: "a", createdAt: Self.now, createdBy: "system"),
            LegalHoldRecord(id: "hold_v", scope: .conversation, conversationID: "c-9", reason: "r", authority: "a", createdAt: Self.now, createdBy: "system"),
            LegalHoldRecord(id: "hold_p", scope: .period, periodFrom: Self.daysAgo(50), periodTo: Self.daysAgo(40), reason: "r", authority: "a", createdAt: Self.now, createdBy: "system"),
            LegalHoldRecord(id: "hold_gone", scope: .conversation, conversationID: "c-8", reason: "r", authority: "a", createdAt: Self.now, createdBy: "system", releasedAt: Self.now),
        ])
        #expect(policy.decide(Self.conversation(age: 10, customer: "C-1"), asOf: Self.now, holds: holds) == .held(holds: ["hold_c"]))
        #expect(policy.decide(Self.conversation(age: 10, id: "c-9"), asOf: Self.now, holds: holds) == .held(holds: ["hold_v"]))
        #expect(policy.decide(Self.conversation(age: 45, id: "c-5"), asOf: Self.now, holds: holds) == .held(holds: ["hold_p"]))
        #expect(policy.decide(Self.conversation(age: 10, id: "c-8"), asOf: Self.now, holds: holds) == .delete(rule: "d"))
        #expect(policy.decide(Self.conversation(age: 60, id: "c-5"), asOf: Self.now, holds: holds) == .delete(rule: "d"))
    }

    @Test func rulesThatCannotApplyAreRefusedWithTheirNameAndKey() {
        let cases: [(RetentionRule, String)] = [
            (RetentionRule(name: "v", category: .vault, action: .anonymize, days: 1), "action"),
            (RetentionRule(name: "v", category: .vault, action: .delete, days: 1, basis: .closed), "basis"),
            (RetentionRule(name: "v", category: .vault, action: .delete, days: 1, conditions: .init(queue: ["billing"])), "when.queue"),
            (RetentionRule(name: "c", category: .conversations, action: .delete, days: 1, conditions: .init(queue: [])), "when.queue"),
            (RetentionRule(name: "c", category: .conversations, action: .delete, days: 1, keepLatest: 3), "keep_latest"),
            (RetentionRule(name: "a", category: .audit, action: .delete, days: 1), "action"),
            (RetentionRule(name: "n", category: .conversations, action: .delete, days: -1), "days"),
        ]
        for (rule, key) in cases {
            do {
                _ = try Self.policy([rule])
                Issue.record("rule \(rule.name) (\(key)) was accepted")
            } catch {
                if case let .invalidRule(name, found, _) = error {
                    #expect(name == rule.name)
                    #expect(found == key)
                } else {
                    Issue.record("unexpected error \(error)")
                }
            }
        }
        #expect(throws: RetentionError.self) {
            try Self.policy([
                RetentionRule(name: "same", category: .vault, action: .delete, days: 1),
                RetentionRule(name: "same", category: .feedback, action: .delete, days: 1),
            ])
        }
    }
}
