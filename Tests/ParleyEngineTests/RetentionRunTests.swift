import Foundation
import GRDB
import ParleyEngine
import ParleyRetention
@testable import ParleyStore
import ParleyTestSupport
import Testing

/// The shipped policy (`policies/retention.yml`) applied to an installation
/// whose data has ages: plan, apply, holds, interruption.
@Suite struct RetentionRunTests {
    static func daysAgo(_ days: Double) -> Date { Date().addingTimeInterval(-days * 86_400) }

    /// `old` conversations closed 500 days ago (each with a vaulted value),
    /// `fresh` ones from today.
    static func seeded(old: Int, fresh: Int) async throws -> TestInstallation {
        let installation = try await TestInstallation.open()
        for index in 0..<(old + fresh) {
            let when = index < old ? daysAgo(500) : Date()
            try await installation.store.commit(TurnCommit(
                conversationID: String(format: "ret-%03d", index), customerID: nil, channel: "channel:loopback", status: .bot,
                tracker: Data("{}".utf8),
                messages: [
                    .init(role: .customer, text: "my card is [CREDIT_CARD] number \(index)", intent: "billing_question", confidence: 0.9,
                          vaulted: [(type: "CREDIT_CARD", value: "4111111111111111")]),
                    .init(role: .bot, text: "Thanks", intent: nil),
                ],
                handoff: nil, now: when
            ))
        }
        return installation
    }

    static func counts(_ store: Store) async throws -> [String: Int] {
        try await store.read { db in
            var counts: [String: Int] = [:]
            for table in ["conversation", "turn", "pii_vault", "subject", "feedback", "handoff"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            counts["anonymized"] = try Int.fetchOne(db, sql: "SELECT count(*) FROM conversation WHERE anonymized_at IS NOT NULL") ?? 0
            counts["text"] = try Int.fetchOne(db, sql: "SELECT count(*) FROM turn WHERE length(text) > 0") ?? 0
            return counts
        }
    }

    @Test func aPlanChangesNothingAndApplyRemovesExactlyWhatItSaid() async throws {
        let installation = try await Self.seeded(old: 30, fresh: 10)
        defer { installation.remove() }
        _ = try await installation.retention.plan(by: .system)  // records the policy's hash once
        let before = try await Self.counts(installation.store)
        let auditSize = try await installation.store.auditFrontier().size

        let (plan, _) = try await installation.retention.plan(by: .system)
        #expect(try await Self.counts(installation.store) == before)
        #expect(try await installation.store.auditFrontier().size == auditSize)
        #expect(plan.category(.conversations)?.rules.first { $0.rule == "conversations-anonymized-13-months" }?.count == 30)
        #expect(plan.category(.vault)?.removals == 30)
        #expect(plan.category(.conversations)?.examined == 40)

        let result = try await installation.retention.apply(by: .system)
        #expect(result.plan.categories.map(\.removals) == plan.categories.map(\.removals))
        let after = try await Self.counts(installation.store)
        #expect(after["conversation"] == 40)
        #expect(after["anonymized"] == 30)
        #expect(after["text"] == 20)  // the 10 fresh conversations keep both turns
        #expect(after["pii_vault"] == 10)
        // Each anonymous conversation's own key went with its text.
        #expect(result.counts[.conversations]?.subjectsShredded == 30)
        let last = try await installation.audit.entries(installation.store.auditFrontier().size...installation.store.auditFrontier().size)
        #expect(last.first?.action == "retention.apply")
        #expect(last.first?.details["conversations.removed"] == "30")
        #expect(last.first?.details["policy_sha256"] == plan.policySHA256)
        #expect(try await installation.retention.plan(by: .system).plan.removals == 0)
        #expect(try await installation.audit.verifyStoredLog().verified)
    }

    @Test func aHoldKeepsWhatItCoversFromRetentionAndOnlyThat() async throws {
        let installation = try await Self.seeded(old: 6, fresh: 0)
        defer { installation.remove() }
        let hold = try await installation.retention.addHold(
            LegalHolds.Request(scope: .conversation, conversationID: "ret-002", reason: "complaint 55", authority: "ombudsman"), by: .system
        )
        let result = try await installation.retention.apply(by: .system)
        #expect(result.plan.category(.conversations)?.held == [hold.id: 1])
        #expect(result.plan.category(.conversations)?.removals == 5)
        #expect(try await installation.store.transcript("ret-002")?.1.first?.text?.hasPrefix("my card is") == true)
        #expect(try await installation.store.transcript("ret-003")?.1.first?.text == nil)
        #expect(try await installation.store.vaultedValues(conversationID: "ret-002", seq: 1).count == 1)
    }

    @Test func aRunKilledHalfwayIsFinishedAtTheNextStartWithItsOwnPolicy() async throws {
        let installation = try await Self.seeded(old: 4, fresh: 0)
        defer { installation.remove() }
        let policy = try installation.retention.policy()
        try await installation.store.startRetentionRun(RetentionRunRecord(
            id: "ret_cut", policySHA256: policy.sha256, policy: policy.text, asOf: Date(), startedBy: "os:test", startedAt: Date()
        )) { [] }
        try installation.close()

        let restarted = try await TestInstallation.open(at: installation.root)
        let run = try #require(try await restarted.store.retentionRuns().first { $0.id == "ret_cut" })
        #expect(run.status == .complete)
        #expect(try await Self.counts(restarted.store)["anonymized"] == 4)
        let actions = try await restarted.audit.entries(1...(try await restarted.store.auditFrontier().size))
        #expect(actions.contains { $0.action == "retention.apply" && $0.details["resumed"] == "true" })
    }

    @Test func aMalformedPolicyNamesFileLineAndKey() {
        let text = "version: 1\nrules:\n  - name: raw\n    category: vault\n    action: anonymize\n    days: 3\n"
        #expect(throws: EngineError.configuration(
            file: "retention.yml", line: 3, key: "rules[0].action", reason: "only conversations can be anonymized; delete vault instead"
        )) { try RetentionPolicyReader.read(text, file: "retention.yml") }
        #expect(throws: EngineError.self) { try RetentionPolicyReader.read("version: 1\nrules:\n  - name: x\n    category: chats\n    action: delete\n    days: 3\n", file: "r.yml") }
        #expect(throws: EngineError.self) { try RetentionPolicyReader.read("version: 1\nrulez: []\n", file: "r.yml") }
        #expect(throws: EngineError.self) { try RetentionPolicyReader.read("rules: []\n", file: "r.yml") }
    }

    @Test func theShippedPolicyLoads() throws {
        let policy = try RetentionPolicyReader.load(StarterBot.policiesDirectory.appendingPathComponent("retention.yml"))
        #expect(policy.rules.count >= 8)
        #expect(Set(policy.purposes.flatMap(\.categories)) == Set(DataCategory.allCases))
    }
}
