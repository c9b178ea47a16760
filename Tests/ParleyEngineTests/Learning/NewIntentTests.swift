import Foundation
import ParleyEngine
import ParleyLearning
import ParleyStore
import ParleyTestSupport
import Testing

/// A new intent goes from a label to a candidate, to the domain (an overlay
/// in the store, the bot's files untouched), to a model, to an answer.
@Suite(.serialized) struct NewIntentTests {
    static let giftCards = [
        "i want to buy a gift card", "do you sell gift cards", "can i purchase a gift voucher", "how do i get a gift card for my mum",
        "are gift cards available online", "i'd like a gift card please", "where can i order a gift voucher", "gift card for a friend",
        "can i send someone a gift card", "buy a voucher as a present", "do you have e-gift cards", "i need a gift card for a birthday",
        "what gift cards do you offer", "can i pay for a gift voucher by card", "gift voucher please", "i want to give a gift card",
    ]

    @Test func aNewIntentGoesFromLabelToCandidateToDomainToModel() async throws {
        let fixture = try await LearningFixture.make()
        defer { fixture.remove() }
        try await fixture.sayAndLabel(Self.giftCards, as: "gift_card", prefix: "gc", newIntent: true)
        let candidates = try await fixture.learning.candidateIntents(by: fixture.admin)
        #expect(candidates.map(\.name) == ["gift_card"])
        #expect(candidates.first?.status == .pending)
        #expect(candidates.first?.labels == Self.giftCards.count)
        // While it waits, its labels train nothing.
        let waiting = try await fixture.learning.trainingSet(for: fixture.engine.bot)
        #expect(waiting.counts["waiting"] == Self.giftCards.count)
        #expect(!fixture.engine.bot.domain.intents.contains("gift_card"))

        let response = "Gift cards are sold in our shop under Gifts, from 10 to 200 euros."
        _ = try await fixture.engine.addIntent("gift_card", response: response, queue: nil, by: fixture.admin)
        #expect(fixture.engine.bot.domain.intents.contains("gift_card"))
        #expect(try await fixture.installation.store.candidateIntents().first?.status == .added)
        let outcome = try await fixture.engine.learn(by: fixture.admin)
        #expect(outcome.report?.passed == true, "\(outcome.report?.lines().joined(separator: "\n") ?? "")")
        #expect(fixture.engine.model.metadata.intents.contains("gift_card"))
        let reply = try await fixture.say("could i buy a gift card for my brother", in: "gc-after")
        #expect(reply.intent.name == "gift_card")
        #expect(reply.replies == [response])
        // The bot's files are as shipped.
        #expect(try !StarterBot.bot().domain.intents.contains("gift_card"))
    }

    @Test func trainingRefusesADomainIntentWithoutExamplesAndNamesIt() async throws {
        let fixture = try await LearningFixture.make()
        defer { fixture.remove() }
        _ = try await fixture.engine.addIntent("gift_card", response: "Gift cards are in the shop.", queue: nil, by: fixture.admin)
        _ = try await fixture.engine.addIntent("lost_card", response: nil, queue: "billing", by: fixture.admin)
        let expected = EngineError.invalidInput("the domain has intents without training examples: gift_card, lost_card; label turns with them (a held-out text does not train) or remove them")
        await #expect(throws: expected) { _ = try await fixture.learning.train(activate: true, by: fixture.admin) }
        await #expect(throws: expected) { _ = try await fixture.learning.learn(by: fixture.admin) }
        // Until a model knows them, the added intents are never predicted and the active model keeps serving.
        let reply = try await fixture.say("What is the status of order #12345?", in: "still-1")
        #expect(reply.intent.name == "order_status")
    }

    @Test func aCandidateMappedOntoAnExistingIntentRelabelsItsLabels() async throws {
        let fixture = try await LearningFixture.make()
        defer { fixture.remove() }
        try await fixture.sayAndLabel(["my delivery never showed up", "the courier did not come"], as: "missing_parcel", prefix: "mp", newIntent: true)
        let moved = try await fixture.learning.mapIntent("missing_parcel", to: "delivery", by: fixture.admin)
        #expect(moved == 2)
        #expect(try await fixture.installation.store.label(conversationID: "mp-0", seq: 1)?.intent == "delivery")
        #expect(try await fixture.installation.store.candidateIntents().first?.status == .mapped)
        await #expect(throws: EngineError.conflict("intent missing_parcel was mapped to delivery; label it as that")) {
            _ = try await fixture.learning.labelTurn(conversationID: "mp-1", seq: 1, intent: "missing_parcel", newIntent: true, by: fixture.admin)
        }
        #expect(try await fixture.auditEntries("intent.map").last?.details["labels"] == "2")
    }

    @Test func badIntentDecisionsAreRefused() async throws {
        let fixture = try await LearningFixture.make()
        defer { fixture.remove() }
        let learning = fixture.learning
        let admin = fixture.admin
        await #expect(throws: EngineError.invalidInput("give the intent either a response or a queue to hand off to")) {
            _ = try await learning.addIntent("gift_card", response: nil, queue: nil, by: admin)
        }
        await #expect(throws: EngineError.invalidInput("give the intent either a response or a queue to hand off to")) {
            _ = try await learning.addIntent("gift_card", response: "  ", queue: nil, by: admin)
        }
        await #expect(throws: EngineError.invalidInput("queue vip is not in the escalation policy")) {
            _ = try await learning.addIntent("gift_card", response: nil, queue: "vip", by: admin)
        }
        await #expect(throws: EngineError.conflict("intent greet is already in the domain")) {
            _ = try await learning.addIntent("greet", response: "Hi", queue: nil, by: admin)
        }
        await #expect(throws: EngineError.notFound("candidate intent nothing_here")) {
            _ = try await learning.mapIntent("nothing_here", to: "greet", by: admin)
        }
        await #expect(throws: EngineError.invalidInput("intent nowhere is not in the domain")) {
            _ = try await learning.mapIntent("gift_card", to: "nowhere", by: admin)
        }
        #expect(try await fixture.installation.store.intentOverlay().isEmpty)
    }
}
