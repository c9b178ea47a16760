import Foundation
import HummingbirdTesting
import ParleyEngine
import Testing

@Suite struct HandoffTests {
    @Test func botStaysSilentDuringHandoffAndAgentsClaimReplyAndResolve() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        let agent = try await test.token(.agent)
        try await test.app.test(.router) { client in
            let handoff = try await client.say("I want to make a complaint", in: "h-1", token: channel)
            #expect(handoff["status"] as? String == "handoff")
            #expect((handoff["handoff"] as? [String: Any])?["queue"] as? String == "general")

            let silent = try await client.say("hello? anyone?", in: "h-1", token: channel)
            #expect(replies(silent).isEmpty)
            #expect(silent["status"] as? String == "handoff")

            let queues = try await client.get("/v1/queues", token: agent).jsonObject()
            let general = (queues["queues"] as? [[String: Any]])?.first { $0["name"] as? String == "general" }
            #expect(general?["waiting"] as? Int == 1)

            let listed = try await client.get("/v1/queues/general/handoffs", token: agent).jsonObject()
            #expect((listed["handoffs"] as? [[String: Any]])?.first?["conversation_id"] as? String == "h-1")

            let claimed = try await client.post("/v1/conversations/h-1/claim", json: "", token: agent)
            #expect(claimed.status == .ok)
            #expect(try claimed.jsonObject()["status"] as? String == "claimed")

            let reply = try await client.post("/v1/conversations/h-1/agent-replies", json: #"{"text": "Hello, this is customer care. How can I help?"}"#, token: agent)
            #expect(reply.status == .created)

            let forCustomer = try await client.get("/v1/conversations/h-1/replies?after=0", token: channel).jsonObject()
            let texts = (forCustomer["replies"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            #expect(texts.last == "Hello, this is customer care. How can I help?")

            let resolved = try await client.post(
                "/v1/conversations/h-1/resolve", json: #"{"intent": "complaint", "note": "apologised, voucher sent"}"#, token: agent
            )
            #expect(resolved.status == .ok)
            #expect(try resolved.jsonObject()["status"] as? String == "resolved")

            let back = try await client.say("thanks", in: "h-1", token: channel)
            #expect(back["status"] as? String == "bot")
            #expect(replies(back) == ["You're welcome! Is there anything else I can help with?"])

            let transcript = try await client.get("/v1/conversations/h-1", token: agent).jsonObject()
            let roles = (transcript["turns"] as? [[String: Any]] ?? []).compactMap { $0["role"] as? String }
            #expect(roles == ["customer", "bot", "customer", "agent", "customer", "bot"])
        }
        let feedback = try await test.engine.store.feedbackExamples()
        #expect(feedback.count == 1)
        #expect(feedback.first?.intent == "complaint")
    }

    @Test func secondAgentCannotClaimOrReplyInAConversationHeldByAnother() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        let first = try await test.token(.agent)
        let second = try await test.token(.agent)
        try await test.app.test(.router) { client in
            _ = try await client.say("I was charged twice for the same order", in: "h-2", token: channel)
            let status1 = try await client.post("/v1/conversations/h-2/claim", json: "", token: first).status
            #expect(status1 == .ok)
            let conflict = try await client.post("/v1/conversations/h-2/claim", json: "", token: second)
            #expect(conflict.status == .conflict)
            #expect(conflict.errorCode == "conflict")
            let reply = try await client.post("/v1/conversations/h-2/agent-replies", json: #"{"text": "hi"}"#, token: second)
            #expect(reply.status == .conflict)
        }
    }

    @Test func resolvingWithAnUnknownIntentIsRejected() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        let agent = try await test.token(.agent)
        try await test.app.test(.router) { client in
            _ = try await client.say("I want to make a complaint", in: "h-3", token: channel)
            _ = try await client.post("/v1/conversations/h-3/claim", json: "", token: agent)
            let response = try await client.post("/v1/conversations/h-3/resolve", json: #"{"intent": "no_such_intent"}"#, token: agent)
            #expect(response.status == .badRequest)
        }
    }
}
