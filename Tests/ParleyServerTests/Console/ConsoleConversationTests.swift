import Foundation
import HTTPTypes
import HummingbirdTesting
import ParleyEngine
import Testing

@Suite struct ConsoleConversationTests {
    @Test func anAgentClaimsRepliesWithNotesAndResolvesWithFeedbackThroughTheConsole() async throws {
        let test = try await ConsoleTestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            _ = try await client.say("I want to make a complaint, write to jo@example.com", in: "cc-1", customer: "C-1001", token: channel)
            let agent = try await client.signedIn(try await test.token(.agent, name: "Dana Example"))

            let queues = try await client.console(.get, "/console/api/queues", as: agent).jsonObject()
            let waiting = try #require((queues["handoffs"] as? [[String: Any]])?.first)
            #expect(waiting["conversation_id"] as? String == "cc-1")
            #expect(waiting["queue"] as? String == "general")

            let claimed = try await client.console(.post, "/console/api/conversations/cc-1/claim", as: agent, json: "{}")
            #expect(claimed.status == .ok)

            let view = try await client.console(.get, "/console/api/conversations/cc-1", as: agent)
            #expect(view.status == .ok)
            #expect(view.headers[.cacheControl] == "no-store")
            let body = String(buffer: view.body)
            #expect(!body.contains("jo@example.com"), "the transcript is redacted")
            #expect(body.contains("[EMAIL]"))
            let object = try view.jsonObject()
            #expect((object["customer"] as? [String: Any])?["id"] as? String == "C-1001")
            #expect((object["handoff"] as? [String: Any])?["claimed_by_name"] as? String == "Dana Example")
            let turns = try #require((object["transcript"] as? [String: Any])?["turns"] as? [[String: Any]])
            let seen = try #require(turns.last?["seq"] as? Int)

            let note = try await client.console(.post, "/console/api/conversations/cc-1/notes", as: agent, json: #"{"text": "asked for a callback"}"#)
            #expect(note.status == .created)
            let reply = try await client.console(
                .post, "/console/api/conversations/cc-1/replies", as: agent, json: #"{"text": "Sorry to hear that.", "seen_seq": \#(seen)}"#
            )
            #expect(reply.status == .created)
            let forCustomer = try await client.get("/v1/conversations/cc-1/replies?after=0", token: channel).jsonObject()
            #expect((forCustomer["replies"] as? [[String: Any]])?.last?["text"] as? String == "Sorry to hear that.")

            let notes = try await client.console(.get, "/console/api/conversations/cc-1", as: agent).jsonObject()["notes"] as? [[String: Any]]
            #expect(notes?.map { $0["text"] as? String } == ["asked for a callback"])
            #expect(notes?.first?["author_name"] as? String == "Dana Example")

            let resolved = try await client.console(
                .post, "/console/api/conversations/cc-1/resolve", as: agent, json: #"{"intent": "complaint", "note": "apologised"}"#
            )
            #expect(resolved.status == .ok)
        }
        let feedback = try await test.engine.store.feedbackExamples()
        #expect(feedback.map(\.intent) == ["complaint"])
    }

    /// Resolving with an intent the domain does not have yet proposes it (the
    /// learning loop's candidate intents) when the agent says it is new, and is
    /// refused when not; an admin sees the review queue and labels from it.
    @Test func aResolutionProposesANewIntentAndAnAdminLabelsFromTheReviewQueue() async throws {
        let test = try await ConsoleTestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            _ = try await client.say("I want to make a complaint", in: "cc-n1", token: channel)
            let agent = try await client.signedIn(try await test.token(.agent))
            let domain = try await client.console(.get, "/console/api/domain", as: agent).jsonObject()
            #expect(domain["new_intents"] as? Bool == true)
            _ = try await client.console(.post, "/console/api/conversations/cc-n1/claim", as: agent, json: "{}")
            let unknown = try await client.console(.post, "/console/api/conversations/cc-n1/resolve", as: agent, json: #"{"intent": "gift_card"}"#)
            #expect(unknown.status == .badRequest)
            let proposed = try await client.console(
                .post, "/console/api/conversations/cc-n1/resolve", as: agent, json: #"{"intent": "gift_card", "new_intent": true}"#
            )
            #expect(proposed.status == .ok)

            let admin = try await client.signedIn(try await test.token(.admin))
            let candidates = try await client.get("/v1/intents/candidates", token: try await test.token(.admin)).jsonObject()["candidates"] as? [[String: Any]]
            #expect(candidates?.map { $0["name"] as? String } == ["gift_card"])

            // The review queue: a message the bot did not understand waits there.
            _ = try await client.say("Ωψζ ξϑφ", in: "cc-n2", token: channel)
            _ = try await client.say("ξϑφ Ωψζ ψψψ", in: "cc-n3", token: channel)
            #expect(try await client.console(.get, "/console/api/review", as: agent).status == .forbidden)
            let items = try await client.console(.get, "/console/api/review", as: admin).jsonObject()["items"] as? [[String: Any]] ?? []
            #expect(Set(items.compactMap { $0["conversation_id"] as? String }).isSuperset(of: ["cc-n2", "cc-n3"]))
            let first = try #require(items.first { $0["conversation_id"] as? String == "cc-n2" }?["id"] as? Int)
            let second = try #require(items.first { $0["conversation_id"] as? String == "cc-n3" }?["id"] as? Int)
            let labelled = try await client.console(.post, "/console/api/review/\(first)/label", as: admin, json: #"{"intent": "greet"}"#)
            #expect(labelled.status == .created)
            let noCSRF = try await client.console(.post, "/console/api/review/\(second)/dismiss", as: admin, json: "{}", csrf: false)
            #expect(noCSRF.status == .forbidden)
            let dismissed = try await client.console(.post, "/console/api/review/\(second)/dismiss", as: admin, json: "{}")
            #expect(dismissed.status == .noContent)
            let left = try await client.console(.get, "/console/api/review", as: admin).jsonObject()["items"] as? [[String: Any]] ?? []
            #expect(left.allSatisfy { ![first, second].contains($0["id"] as? Int ?? -1) })
        }
    }

    /// A note on a conversation whose customer was erased is refused (409),
    /// not a server error: nothing can be sealed under a shredded key.
    @Test func aNoteOnAnErasedCustomersConversationIsAConflict() async throws {
        let test = try await ConsoleTestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            _ = try await client.say("I want to make a complaint", in: "cc-9", customer: "C-1001", token: channel)
            let agent = try await client.signedIn(try await test.token(.agent))
            let subject = try #require(try await test.engine.store.subjectID(ofCustomer: "C-1001"))
            try await test.engine.store.shred(subjectID: subject)
            let note = try await client.console(.post, "/console/api/conversations/cc-9/notes", as: agent, json: #"{"text": "called back"}"#)
            #expect(note.status == .conflict)
        }
    }

    @Test func aReplyWrittenBeforeTheCustomersNewMessageAsksFirstAndGoesOnceConfirmed() async throws {
        let test = try await ConsoleTestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            _ = try await client.say("I want to make a complaint", in: "cc-2", token: channel)
            let agent = try await client.signedIn(try await test.token(.agent))
            _ = try await client.console(.post, "/console/api/conversations/cc-2/claim", as: agent, json: "{}")
            let turns = try await client.console(.get, "/console/api/conversations/cc-2", as: agent).jsonObject()["transcript"] as? [String: Any]
            let seen = try #require((turns?["turns"] as? [[String: Any]])?.last?["seq"] as? Int)
            _ = try await client.say("actually it is about order 12345", in: "cc-2", token: channel)

            let stale = try await client.console(.post, "/console/api/conversations/cc-2/replies", as: agent, json: #"{"text": "ok", "seen_seq": \#(seen)}"#)
            #expect(stale.status == .conflict)
            #expect(stale.errorCode == "customer_wrote_since")
            let forCustomer = try await client.get("/v1/conversations/cc-2/replies?after=0", token: channel).jsonObject()
            #expect((forCustomer["replies"] as? [[String: Any]])?.contains { $0["text"] as? String == "ok" } != true, "nothing sent before confirmation")

            let confirmed = try await client.console(
                .post, "/console/api/conversations/cc-2/replies", as: agent, json: #"{"text": "ok", "seen_seq": \#(seen + 1)}"#
            )
            #expect(confirmed.status == .created)
        }
    }

    @Test func aSecondAgentCannotClaimAndIsToldWhoHoldsTheConversation() async throws {
        let test = try await ConsoleTestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            _ = try await client.say("I want to make a complaint", in: "cc-3", token: channel)
            let first = try await client.signedIn(try await test.token(.agent, name: "Dana Example"))
            let second = try await client.signedIn(try await test.token(.agent, name: "Lee Example"))
            #expect(try await client.console(.post, "/console/api/conversations/cc-3/claim", as: first, json: "{}").status == .ok)
            let refused = try await client.console(.post, "/console/api/conversations/cc-3/claim", as: second, json: "{}")
            #expect(refused.status == .conflict)
            #expect(refused.errorCode == "claimed_by_another")
            #expect(String(buffer: refused.body).contains("Dana Example"))
            let reply = try await client.console(.post, "/console/api/conversations/cc-3/replies", as: second, json: #"{"text": "hi"}"#)
            #expect(reply.status == .conflict)
        }
        #expect(try await test.engine.store.openHandoff(conversationID: "cc-3")?.claimedBy != nil)
    }

    @Test func theDomainListsIntentsAndCannedResponsesToPickFrom() async throws {
        let test = try await ConsoleTestApp.make()
        try await test.app.test(.router) { client in
            let agent = try await client.signedIn(try await test.token(.agent))
            let domain = try await client.console(.get, "/console/api/domain", as: agent).jsonObject()
            let intents = domain["intents"] as? [String] ?? []
            #expect(intents.contains("complaint"))
            #expect((domain["responses"] as? [[String: Any]])?.isEmpty == false)
            #expect((domain["pii_types"] as? [String])?.contains("EMAIL") == true)
        }
    }

    @Test func anAdminCreatesATokenShownOnceAndRevokesIt() async throws {
        let test = try await ConsoleTestApp.make()
        try await test.app.test(.router) { client in
            let admin = try await client.signedIn(try await test.token(.admin))
            let created = try await client.console(.post, "/console/api/tokens", as: admin, json: #"{"role": "agent", "name": "new agent"}"#)
            #expect(created.status == .created)
            let body = try created.jsonObject()
            let id = try #require(body["id"] as? String)
            let secret = try #require(body["token"] as? String)
            let listed = try await client.console(.get, "/console/api/tokens", as: admin)
            #expect(!String(buffer: listed.body).contains(secret), "the secret is shown once only")
            #expect(try await test.engine.tokens.authenticate(secret) != nil)
            #expect(try await client.console(.post, "/console/api/tokens/\(id)/revoke", as: admin, json: "{}").status == .ok)
            #expect(try await test.engine.tokens.authenticate(secret) == nil)
            let bad = try await client.console(.post, "/console/api/tokens", as: admin, json: #"{"role": "root"}"#)
            #expect(bad.status == .badRequest)
        }
    }
}
