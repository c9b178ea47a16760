import Foundation
import HummingbirdTesting
import ParleyEngine
import Testing

@Suite struct SeedDialogueTests {
    @Test func orderStatusIsAnsweredFromTheOrderRecord() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            let reply = try await client.say("What is the status of order #12345?", in: "seed-1", token: channel)
            #expect(replies(reply) == ["Your order #12345 is currently being processed and is expected to ship by tomorrow."])
            #expect(reply["status"] as? String == "bot")
            #expect(reply["handoff"] is NSNull)
            #expect((reply["intent"] as? [String: Any])?["name"] as? String == "order_status")
            let entities = reply["entities"] as? [[String: Any]] ?? []
            #expect(entities.contains { $0["entity"] as? String == "order_id" && $0["value"] as? String == "12345" })
            #expect(reply["conversation_id"] as? String == "seed-1")
        }
    }

    @Test func billingIssueWithARepresentativeIsHandedToTheBillingQueue() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            let reply = try await client.say("I need to discuss a billing issue with a representative.", in: "seed-2", token: channel)
            #expect(replies(reply) == ["I will connect you with a billing specialist. Please hold on."])
            #expect(reply["status"] as? String == "handoff")
            let handoff = reply["handoff"] as? [String: Any]
            #expect(handoff?["queue"] as? String == "billing")
            #expect(handoff?["reason"] as? String == "The customer asked for a person")
        }
    }

    @Test func orderFormAsksForTheMissingNumberAndResumesWhenItArrives() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            let first = try await client.say("what's the status of my order?", in: "form-1", token: channel)
            #expect(replies(first) == ["What is your order number?"])
            let second = try await client.say("it's 12345", in: "form-1", token: channel)
            #expect(replies(second) == ["Your order #12345 is currently being processed and is expected to ship by tomorrow."])
        }
    }

    @Test func unknownOrderGetsAHelpfulReplyAndTheFormAsksAgain() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            let unknown = try await client.say("What is the status of order #99999?", in: "unknown-1", token: channel)
            #expect(replies(unknown) == ["I couldn't find an order #99999 on your account. Please check the number in your confirmation email and send it again."])
            let retry = try await client.say("#12345", in: "unknown-1", token: channel)
            #expect(replies(retry).first?.hasPrefix("Your order #12345 is currently being processed") == true)
        }
    }

    @Test func anotherCustomersOrderIsNotRevealed() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            // Order 12346 belongs to C-1002.
            let reply = try await client.say("What is the status of order #12346?", in: "privacy-1", customer: "C-1001", token: channel)
            #expect(replies(reply).first?.hasPrefix("I couldn't find an order #12346") == true)
        }
    }

    @Test func lowConfidenceMessageAsksToRephraseAndRepeatedFallbacksHandOff() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            let first = try await client.say("Ωψζ ξϑφ", in: "fallback-1", token: channel)
            #expect(replies(first) == ["Sorry, I didn't quite understand that. Could you rephrase it?"])
            #expect(first["status"] as? String == "bot")
            let second = try await client.say("ϖϰϱ ϲϳ", in: "fallback-1", token: channel)
            #expect(second["status"] as? String == "handoff")
            #expect((second["handoff"] as? [String: Any])?["queue"] as? String == "general")
        }
    }
}
