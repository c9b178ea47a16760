import Foundation
import ParleyEngine
import ParleyLearning
import ParleyStore
import ParleyTestSupport
import Testing

/// The review queue holds the turns the bot was unsure of, written in the
/// same transaction as the turn, de-duplicated, sampled and capped.
@Suite struct ReviewQueueTests {
    @Test func theQueueHoldsTheUnsureTurnsAndNotTheConfidentOnes() async throws {
        let fixture = try await LearningFixture.make()
        defer { fixture.remove() }
        let confident = try await fixture.say("What is the status of order #12345?", in: "sure-1")
        #expect(confident.intent.confidence >= 0.5)
        try await fixture.say("Hello!", in: "sure-2")
        let unsure = try await fixture.say("Ωψζ ξϑφ", in: "unsure-1")
        #expect(unsure.intent.confidence < 0.5)
        let page = try await fixture.learning.reviewItems(by: fixture.admin)
        #expect(page.items.map(\.conversationID) == ["unsure-1"])
        let item = try #require(page.items.first)
        #expect(item.text == "Ωψζ ξϑφ")
        // The starter policy hands a message it cannot understand at all to people (rule low_confidence).
        #expect(item.reason == "handoff")
        #expect(item.rule == "low_confidence")
        #expect(item.predictedIntent == unsure.intent.name)
        #expect(item.seq == 1)
        // Reading the queue is audited, with counts only.
        let reads = try await fixture.auditEntries("review.list")
        #expect(reads.last?.details["items"] == "1")
    }

    @Test func aRepeatedUnsureTextIsCountedOnItsOpenItem() async throws {
        let fixture = try await LearningFixture.make()
        defer { fixture.remove() }
        try await fixture.say("Ωψζ ξϑφ", in: "r-1")
        try await fixture.say("  ωψζ   ξϑφ ", in: "r-2")
        try await fixture.say("ϖϰϱ ϲϳ", in: "r-3")
        let items = try await fixture.learning.reviewItems(by: fixture.admin).items
        #expect(items.count == 2)
        #expect(items.first { $0.conversationID == "r-1" }?.occurrences == 2)
    }

    @Test func aHandoffByADoubtRuleIsReviewedAndAHandoffByIntentIsNot() async throws {
        let fixture = try await LearningFixture.make()
        defer { fixture.remove() }
        let unsure = try await fixture.say("Ωψζ ξϑφ", in: "h-1")
        #expect(unsure.handoff?.rule == "low_confidence")
        let dispute = try await fixture.say("this charge is wrong and I want it reversed", in: "h-2")
        #expect(dispute.handoff?.rule == "always_human")
        let items = try await fixture.learning.reviewItems(by: fixture.admin).items
        #expect(items.contains { $0.conversationID == "h-1" && $0.seq == 1 && $0.reason == "handoff" && $0.rule == "low_confidence" })
        #expect(items.filter { $0.conversationID == "h-2" }.map(\.reason) == [], "confidence \(dispute.intent.confidence)")
    }

    @Test func noNewItemIsOpenedPastTheCapOrWhenNotSampled() async throws {
        let capped = try await LearningFixture.make { $0.review.maxOpen = 1 }
        defer { capped.remove() }
        try await capped.say("Ωψζ ξϑφ", in: "cap-1")
        try await capped.say("ϖϰϱ ϲϳ", in: "cap-2")
        try await capped.say("Ωψζ ξϑφ", in: "cap-3")
        let items = try await capped.learning.reviewItems(by: capped.admin).items
        #expect(items.map(\.conversationID) == ["cap-1"])
        #expect(items.first?.occurrences == 2)

        let unsampled = try await LearningFixture.make { $0.review.sampleRate = 0 }
        defer { unsampled.remove() }
        try await unsampled.say("Ωψζ ξϑφ", in: "s-1")
        #expect(try await unsampled.learning.reviewItems(by: unsampled.admin).items.isEmpty)
    }

    @Test func labellingAnItemClosesItAndDismissingClosesItWithoutALabel() async throws {
        let fixture = try await LearningFixture.make()
        defer { fixture.remove() }
        try await fixture.say("Ωψζ ξϑφ", in: "l-1")
        try await fixture.say("ϖϰϱ ϲϳ", in: "l-2")
        let items = try await fixture.learning.reviewItems(by: fixture.admin).items
        let first = try #require(items.first { $0.conversationID == "l-1" })
        let second = try #require(items.first { $0.conversationID == "l-2" })
        let outcome = try await fixture.learning.labelReviewItem(id: first.id, intent: "out_of_scope", by: fixture.admin)
        #expect(outcome.label.source == .review)
        #expect(outcome.label.intent == "out_of_scope")
        #expect(outcome.label.labelledBy == fixture.admin.actor.rawValue)
        try await fixture.learning.dismissReviewItem(id: second.id, by: fixture.admin)
        #expect(try await fixture.learning.reviewItems(by: fixture.admin).items.isEmpty)
        await #expect(throws: EngineError.conflict("review item \(second.id) is already dismissed")) {
            try await fixture.learning.dismissReviewItem(id: second.id, by: fixture.admin)
        }
        await #expect(throws: EngineError.self) {
            _ = try await fixture.learning.labelReviewItem(id: first.id, intent: "greet", by: fixture.admin)
        }
        let set = try await fixture.learning.trainingSet(for: fixture.engine.bot)
        #expect(set.trainingLabels.count + set.labelHoldout.count == 1)
        let audit = try await fixture.auditEntries("label.set")
        #expect(audit.last?.details["source"] == "review")
        #expect(audit.last?.details["review_item"] == String(first.id))
        #expect(audit.last?.details["subject"] != nil)
    }
}
