import Foundation
import HTTPTypes
import HummingbirdTesting
import ParleyEngine
import Testing

@Suite struct ConversationOwnershipTests {
    @Test func anotherChannelCanNeitherContinueNorReadAConversation() async throws {
        let test = try await TestApp.make()
        let owner = try await test.token(.channel)
        let intruder = try await test.token(.channel)
        try await test.app.test(.router) { client in
            _ = try await client.say("What is the status of order #12345?", in: "own-1", token: owner)
            let post = try await client.post("/v1/conversations/own-1/messages", json: #"{"text": "hello", "customer_id": "C-1001"}"#, token: intruder)
            #expect(post.status == .conflict)
            let read = try await client.get("/v1/conversations/own-1/replies?after=0", token: intruder)
            #expect(read.status == .notFound)
            let mine = try await client.get("/v1/conversations/own-1/replies?after=0", token: owner)
            #expect(mine.status == .ok)
        }
        #expect(try await test.engine.store.transcript("own-1")?.1.count == 2)
    }

    @Test func unknownCustomerIdIsRefusedAndStoresNothing() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            let response = try await client.post("/v1/conversations/ghost-1/messages", json: #"{"text": "hello", "customer_id": "C-9999"}"#, token: channel)
            #expect(response.status == .badRequest)
        }
        #expect(try await test.engine.store.loadConversation("ghost-1") == nil)
        #expect(try await test.engine.store.subjectID(ofCustomer: "C-9999") == nil)
    }

    @Test func agentsReadOnlyHandedOffConversationsAdminsReadAny() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        let agent = try await test.token(.agent)
        let admin = try await test.token(.admin)
        try await test.app.test(.router) { client in
            _ = try await client.say("hello", in: "private-1", token: channel)
            _ = try await client.say("I want to make a complaint", in: "handed-1", token: channel)
            let denied = try await client.get("/v1/conversations/private-1", token: agent)
            #expect(denied.status == .notFound)
            let allowed = try await client.get("/v1/conversations/handed-1", token: agent)
            #expect(allowed.status == .ok)
            let admins = try await client.get("/v1/conversations/private-1", token: admin)
            #expect(admins.status == .ok)
        }
    }

    @Test func messageWithManyPIIValuesIsStillHandledAndAudited() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        let emails = (0..<200).map { "user\($0)@example.org" }.joined(separator: " ")
        try await test.app.test(.router) { client in
            let reply = try await client.say("please write to \(emails)", in: "many-1", token: channel)
            #expect(reply["status"] as? String != nil)
        }
        let size = try await test.engine.store.auditFrontier().size
        let handled = try await test.engine.audit.entries(1...size).first { $0.action == "turn.handled" }
        #expect(handled?.details["redacted"] == "EMAIL:200")
    }

    @Test func failedAuthenticationFloodWritesOneAuditEntryPerMinute() async throws {
        let test = try await TestApp.make()
        let started = ContinuousClock.now
        try await test.app.test(.router) { client in
            for _ in 0..<50 { _ = try await client.get("/v1/queues", token: "prl_0000000000000000_" + String(repeating: "0", count: 64)) }
        }
        // One entry a started minute (a slow machine may cross minute windows), never one a request.
        let windows = Int((ContinuousClock.now - started).components.seconds / 60) + 1
        let size = try await test.engine.store.auditFrontier().size
        let failures = try await test.engine.audit.entries(1...size).filter { $0.action == "auth.failed" }
        #expect(failures.count >= 1 && failures.count <= windows)
        let folded = failures.compactMap { $0.details["folded_since_last_entry"].flatMap(Int.init) }.reduce(0, +)
        #expect(folded + failures.count <= 50)
        let metrics = test.engine.metrics.render()
        #expect(metrics.contains(#"parley_auth_failures_total{reason="invalid_token"} 50"#))
    }

    @Test func loopbackRequestRelayedByAProxyNeedsAToken() async throws {
        let test = try await TestApp.make()
        try await test.app.test(.live) { client in
            let relayed = try await client.execute(
                uri: "/v1/conversations/proxy-1/messages", method: .post,
                headers: [.contentType: "application/json", HTTPField.Name("X-Forwarded-For")!: "203.0.113.7"],
                body: .init(string: #"{"text": "hello"}"#)
            )
            #expect(relayed.status == .unauthorized)
        }
    }
}
