import Foundation
import ParleyEngine
import ParleyServer
import ParleyTestSupport
import Testing

/// Tokenless loopback access to the customer endpoints: decided by
/// `server.tokenless_loopback`, never reopened by revoking tokens, and never
/// granted to a request that a proxy relayed.
@Suite struct LoopbackExemptionTests {
    func send(_ port: Int, headers: String = "") async throws -> Int {
        let connection = try RawConnection(port: port)
        await connection.send(
            "POST /v1/conversations/lb-1/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\(headers)Content-Length: 17\r\nConnection: close\r\n\r\n{\"text\": \"hello\"}"
        )
        return RawResponse(await connection.readResponse())?.status ?? 0
    }

    @Test func revokingTheLastChannelTokenDoesNotReopenTokenlessAccess() async throws {
        let engine = try await StarterBot.engine()
        try await LiveServer.run(engine: engine) { port in
            #expect(try await send(port) == 200)
            let created = try await engine.tokens.create(role: .channel, name: "widget", by: .system)
            #expect(try await send(port) == 401)
            try await engine.tokens.revoke(id: created.id, by: .system)
            #expect(try await engine.tokens.hasActiveToken(role: .channel) == false)
            #expect(try await send(port) == 401)
        }
    }

    @Test func neverRefusesTokenlessRequestsEvenBeforeAnyToken() async throws {
        let engine = try await StarterBot.engine()
        let status = try await LiveServer.run(engine: engine, settings: ServerSettings(tokenlessLoopback: .never)) { port in
            try await send(port)
        }
        #expect(status == 401)
    }

    @Test func alwaysServesLoopbackWithoutATokenWhileChannelTokensExist() async throws {
        let engine = try await StarterBot.engine()
        _ = try await engine.tokens.create(role: .channel, name: "widget", by: .system)
        let status = try await LiveServer.run(engine: engine, settings: ServerSettings(tokenlessLoopback: .always)) { port in
            try await send(port)
        }
        #expect(status == 200)
    }

    @Test(arguments: ["X-Client-IP", "True-Client-IP", "X-Forwarded-Host", "X-Forwarded-Proto", "CF-Connecting-IP", "Forwarded", "Via"])
    func aRequestCarryingAProxyHeaderLosesTheExemption(header: String) async throws {
        let engine = try await StarterBot.engine()
        let status = try await LiveServer.run(engine: engine) { port in
            try await send(port, headers: "\(header): 203.0.113.7\r\n")
        }
        #expect(status == 401, "\(header)")
    }
}
