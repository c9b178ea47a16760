import Synchronization
import Foundation
import HummingbirdTesting
import ParleyAudit
import ParleyEngine
import Testing

@Suite struct AccessTests {
    @Test func agentEndpointWithoutTokenIs401AsJSON() async throws {
        let test = try await TestApp.make()
        try await test.app.test(.router) { client in
            let response = try await client.get("/v1/queues")
            #expect(response.status == .unauthorized)
            #expect(response.errorCode == "unauthorized")
            #expect(response.headers[.wwwAuthenticate] != nil)
        }
    }

    @Test func agentEndpointWithAChannelTokenIs403AsJSON() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            let response = try await client.get("/v1/queues", token: channel)
            #expect(response.status == .forbidden)
            #expect(response.errorCode == "forbidden")
        }
    }

    @Test func adminAndAuditorEndpointsRefuseNoTokenAndOtherRoles() async throws {
        let test = try await TestApp.make()
        let agent = try await test.token(.agent)
        let admin = try await test.token(.admin)
        try await test.app.test(.router) { client in
            for uri in ["/v1/models", "/v1/audit/export?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z"] {
                let none = try await client.get(uri)
                #expect(none.status == .unauthorized, "\(uri)")
                #expect(none.errorCode == "unauthorized")
                let wrong = try await client.get(uri, token: agent)
                #expect(wrong.status == .forbidden, "\(uri)")
                #expect(wrong.errorCode == "forbidden")
            }
            #expect(try await client.get("/v1/models", token: admin).status == .ok)
            let revealByAgent = try await client.post("/v1/conversations/x-1/turns/1/reveal", json: "", token: agent)
            #expect(revealByAgent.status == .forbidden)
        }
    }

    @Test func transcriptNeedsAgentOrAdmin() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        let admin = try await test.token(.admin)
        let auditor = try await test.token(.auditor)
        try await test.app.test(.router) { client in
            _ = try await client.say("hello", in: "t-1", token: channel)
            let status1 = try await client.get("/v1/conversations/t-1", token: admin).status
            #expect(status1 == .ok)
            let status2 = try await client.get("/v1/conversations/t-1", token: auditor).status
            #expect(status2 == .forbidden)
            let status3 = try await client.get("/v1/conversations/t-1", token: channel).status
            #expect(status3 == .forbidden)
        }
    }

    @Test func malformedRevokedAndForgedTokensAre401() async throws {
        let test = try await TestApp.make()
        let created = try await test.engine.tokens.create(role: .agent, name: "to revoke", by: .system)
        try await test.engine.tokens.revoke(id: created.id, by: .system)
        let valid = try await test.token(.agent)
        let forged = String(valid.dropLast()) + (valid.hasSuffix("0") ? "1" : "0")
        try await test.app.test(.router) { client in
            for token in ["nonsense", created.token, forged, "prl_x_y"] {
                let status4 = try await client.get("/v1/queues", token: token).status
                #expect(status4 == .unauthorized)
            }
            let status5 = try await client.get("/v1/queues", token: valid).status
            #expect(status5 == .ok)
        }
    }

    @Test func creatingAndRevokingATokenAreAuditedAndAFailedRevokeToo() async throws {
        let test = try await TestApp.make()
        let created = try await test.engine.tokens.create(role: .agent, name: "dana", by: .system)
        try await test.engine.tokens.revoke(id: created.id, by: .system)
        await #expect(throws: EngineError.self) { try await test.engine.tokens.revoke(id: created.id, by: .system) }
        let size = try await test.engine.store.auditFrontier().size
        let entries = try await test.engine.audit.entries(1...size).filter { $0.target?.id == created.id }
        #expect(entries.map(\.action) == ["token.create", "token.revoke", "token.revoke"])
        #expect(entries.map(\.outcome) == [.success, .success, .failure])
    }

    @Test func customerEndpointWithoutChannelTokenIsRefusedOffLoopback() async throws {
        // In-process requests have no peer address, so they are not loopback.
        let test = try await TestApp.make()
        try await test.app.test(.router) { client in
            let response = try await client.post("/v1/conversations/x/messages", json: #"{"text": "hi"}"#)
            #expect(response.status == .unauthorized)
        }
    }

    @Test func customerEndpointAcceptsLoopbackUntilAChannelTokenExists() async throws {
        let test = try await TestApp.make()
        try await test.app.test(.live) { client in
            let open = try await client.post("/v1/conversations/lo-1/messages", json: #"{"text": "hello"}"#)
            #expect(open.status == .ok)
            _ = try await test.token(.channel)
            let closed = try await client.post("/v1/conversations/lo-1/messages", json: #"{"text": "hello"}"#)
            #expect(closed.status == .unauthorized)
        }
    }

    @Test func tokensAreStoredHashedOnly() async throws {
        let test = try await TestApp.make()
        let created = try await test.engine.tokens.create(role: .admin, name: "ops", by: .system)
        let secret = String(created.token.split(separator: "_")[2])
        let records = try await test.engine.tokens.list(by: .system)
        #expect(records.count == 1)
        #expect(!String(describing: records).contains(secret))
    }

    @Test func aTokensLastUseIsNotedAtMostOnceAMinute() async throws {
        let test = try await TestApp.make()
        let now = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        let tokens = AccessTokens(store: test.engine.store, audit: test.engine.audit, clock: { now.withLock { $0 } })
        let created = try await tokens.create(role: .agent, name: "dana", by: .system)
        func lastUsed() async throws -> Date? {
            try await tokens.list(by: .system).first { $0.id == created.id }?.lastUsedAt
        }
        #expect(try await lastUsed() == nil)

        #expect(try await tokens.authenticate(created.token)?.tokenID == created.id)
        #expect(try await lastUsed() == Date(timeIntervalSince1970: 1_800_000_000))
        now.withLock { $0 = $0.addingTimeInterval(30) }
        _ = try await tokens.authenticate(created.token)
        #expect(try await lastUsed() == Date(timeIntervalSince1970: 1_800_000_000))
        now.withLock { $0 = $0.addingTimeInterval(31) }
        _ = try await tokens.authenticate(created.token)
        #expect(try await lastUsed() == Date(timeIntervalSince1970: 1_800_000_061))
        // a wrong secret is not a use
        now.withLock { $0 = $0.addingTimeInterval(120) }
        let wrong = String(created.token.dropLast()) + (created.token.hasSuffix("0") ? "1" : "0")
        #expect(try await tokens.authenticate(wrong) == nil)
        #expect(try await lastUsed() == Date(timeIntervalSince1970: 1_800_000_061))
    }
}
