import Foundation
import ParleyEngine
import ParleyLearning
import ParleyStore
import ParleyTestSupport
import Testing

/// Labels from corrections and resolutions, and what is refused.
@Suite struct LabelTests {
    @Test func aCorrectionReplacesTheTurnsLabelAndTheAuditKeepsTheHistory() async throws {
        let fixture = try await LearningFixture.make()
        defer { fixture.remove() }
        try await fixture.say("my parcel never came", in: "c-1")
        _ = try await fixture.learning.labelTurn(conversationID: "c-1", seq: 1, intent: "delivery", by: fixture.admin)
        let second = try await fixture.learning.labelTurn(conversationID: "c-1", seq: 1, intent: "complaint", by: fixture.admin)
        #expect(second.previous?.intent == "delivery")
        #expect(try await fixture.installation.store.label(conversationID: "c-1", seq: 1)?.intent == "complaint")
        let history = try await fixture.auditEntries("label.set").map { ($0.details["previous_intent"] ?? "", $0.details["intent"] ?? "") }
        #expect(history.map(\.0) == ["none", "delivery"])
        #expect(history.map(\.1) == ["delivery", "complaint"])
    }

    @Test func aResolutionLabelsTheMessageThatWasHandedOff() async throws {
        let fixture = try await LearningFixture.make()
        defer { fixture.remove() }
        try await fixture.say("I need to discuss a billing issue with a representative.", in: "res-1")
        let token = try await fixture.engine.tokens.create(role: .agent, name: "dana", by: .system)
        let agent = try #require(try await fixture.engine.tokens.authenticate(token.token))
        _ = try await fixture.engine.claim(conversationID: "res-1", agent: agent)
        _ = try await fixture.engine.resolve(conversationID: "res-1", agent: agent, correctIntent: "billing_question", note: nil)
        let label = try #require(try await fixture.installation.store.label(conversationID: "res-1", seq: 1))
        #expect(label.source == .feedback)
        #expect(label.intent == "billing_question")
        #expect(label.labelledBy == "token:\(agent.tokenID)")
    }

    @Test func badLabelsAreRefusedWithAClearErrorAndChangeNothing() async throws {
        let fixture = try await LearningFixture.make()
        defer { fixture.remove() }
        try await fixture.say("What is the status of order #12345?", in: "bad-1")
        let learning = fixture.learning
        let admin = fixture.admin
        await #expect(throws: EngineError.invalidInput("intent gift_card is not in the domain; to propose it as a new intent, say so (new_intent: true, or --new-intent)")) {
            _ = try await learning.labelTurn(conversationID: "bad-1", seq: 1, intent: "gift_card", by: admin)
        }
        await #expect(throws: EngineError.invalidInput("intent must be 1-64 characters of letters, digits, '_', '-' or '.'")) {
            _ = try await learning.labelTurn(conversationID: "bad-1", seq: 1, intent: "no spaces please", newIntent: true, by: admin)
        }
        await #expect(throws: EngineError.invalidInput("only customer turns can be labelled (turn 2 is a bot turn)")) {
            _ = try await learning.labelTurn(conversationID: "bad-1", seq: 2, intent: "greet", by: admin)
        }
        await #expect(throws: EngineError.notFound("turn 9 of conversation bad-1")) {
            _ = try await learning.labelTurn(conversationID: "bad-1", seq: 9, intent: "greet", by: admin)
        }
        await #expect(throws: EngineError.invalidInput("entity 'order_id' must lie within the turn's text (0..<35 scalars)")) {
            _ = try await learning.labelTurn(conversationID: "bad-1", seq: 1, intent: "order_status", entities: [.init(entity: "order_id", start: 30, end: 40)], by: admin)
        }
        await #expect(throws: EngineError.invalidInput("entity colour is not in the domain")) {
            _ = try await learning.labelTurn(conversationID: "bad-1", seq: 1, intent: "order_status", entities: [.init(entity: "colour", start: 0, end: 4)], by: admin)
        }
        await #expect(throws: EngineError.self) {
            _ = try await learning.labelTurn(conversationID: "bad one", seq: 1, intent: "greet", by: admin)
        }
        #expect(try await fixture.installation.store.label(conversationID: "bad-1", seq: 1) == nil)
        #expect(try await fixture.installation.store.candidateIntents().isEmpty)
        let ok = try await learning.labelTurn(
            conversationID: "bad-1", seq: 1, intent: "order_status", entities: [.init(entity: "order_id", start: 29, end: 34)], by: admin
        )
        #expect(ok.label.entities == [.init(entity: "order_id", start: 29, end: 34)])
    }

    @Test func anAgentLabelsOnlyConversationsHandedToPeople() async throws {
        let fixture = try await LearningFixture.make()
        defer { fixture.remove() }
        try await fixture.say("Hello!", in: "agent-1")
        await #expect(throws: EngineError.notFound("conversation agent-1")) {
            _ = try await fixture.learning.labelTurn(conversationID: "agent-1", seq: 1, intent: "greet", handedOffOnly: true, by: fixture.admin)
        }
    }

    @Test func noTextOfALabelIsStoredInClearAnywhere() async throws {
        let fixture = try await LearningFixture.make()
        defer { fixture.remove() }
        let words = "blorvex quintassel"
        try await fixture.say("where is my \(words) parcel", in: "p-1")
        _ = try await fixture.learning.labelTurn(conversationID: "p-1", seq: 1, intent: "delivery", by: fixture.admin)
        let outcome = try await fixture.learning.learn(force: true, by: fixture.admin)
        #expect(outcome.candidate != nil)
        try fixture.installation.close()
        // Turns are sealed under the subject key: no page of the database, no model file, holds the words.
        #expect(try fixture.installation.occurrences(of: [words]) == 0)
    }
}
