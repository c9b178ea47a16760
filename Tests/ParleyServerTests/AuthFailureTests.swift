import Foundation
import Synchronization
import HTTPTypes
import HummingbirdTesting
import ParleyAudit
import ParleyEngine
import ParleyServer
import ParleyTestSupport
import Testing

/// Failed sign-ins: every one counted on disk before it is answered, folded
/// into one audit entry a minute, and none lost to a restart; an address that
/// keeps failing is slowed down; a valid token never is.
@Suite struct AuthFailureTests {
    static let badToken = "prl_0000000000000000_" + String(repeating: "0", count: 64)

    /// `auth.failed` and `auth.failed.folded` entries.
    func failures(_ engine: ParleyEngine) async throws -> [AuditEntry] {
        let size = try await engine.store.auditFrontier().size
        guard size > 0 else { return [] }
        return try await engine.audit.entries(1...size).filter { $0.action.hasPrefix("auth.failed") }
    }

    /// The failures the entries stand for: each `auth.failed` is one, and every folded count adds its number.
    func counted(_ entries: [AuditEntry]) -> Int {
        entries.reduce(0) { total, entry in
            total + (entry.action == "auth.failed" ? 1 : 0) + (Int(entry.details["folded_since_last_entry"] ?? "0") ?? 0)
        }
    }

    @Test func foldedFailuresAreOnDiskBeforeTheAnswerAndSurviveARestart() async throws {
        let test = try await TestApp.make()
        try await test.app.test(.router) { client in
            for _ in 0..<50 { _ = try await client.get("/v1/queues", token: Self.badToken) }
        }
        // Answered 50 times: one entry, and the other 49 counted on disk (a kill -9 now loses none).
        #expect(try await failures(test.engine).count == 1)
        #expect(try await test.engine.store.pendingAuthFailures() == 49)

        // A restart (a new process on the same store) writes out what the last one counted.
        let restarted = try await StarterBot.engine(store: test.engine.store)
        await restarted.authFailures.closeWindows(all: true)
        let entries = try await failures(restarted)
        #expect(entries.count == 2)
        #expect(entries.map(\.action) == ["auth.failed", "auth.failed.folded"])
        #expect(entries.last?.details["folded_since_last_entry"] == "49")
        #expect(counted(entries) == 50)
        #expect(try await restarted.store.pendingAuthFailures() == 0)
        #expect(try await test.engine.audit.verifyStoredLog().verified)
    }

    @Test func aNewWindowsEntryCarriesWhatThePreviousWindowFolded() async throws {
        let store = try await StarterBot.store()
        let clock = TestClock()
        let engine = try await StarterBot.engine(store: store, clock: { clock.now })
        let principal = Principal(actor: try AuditActor(rawValue: "anonymous:http"), role: .system)
        for _ in 0..<5 { await engine.authFailures.record(key: "k", principal: principal, action: "auth.failed", details: ["reason": "r"]) }
        clock.advance(by: AuthFailureLedger.window + 1)
        await engine.authFailures.record(key: "k", principal: principal, action: "auth.failed", details: ["reason": "r"])
        let entries = try await failures(engine)
        #expect(entries.map(\.action) == ["auth.failed", "auth.failed"])
        #expect(entries.map { $0.details["folded_since_last_entry"] } == [nil, "4"])
        #expect(counted(entries) == 6)
    }

    @Test func repeatedFailuresFromOneAddressAreSlowedButAValidTokenIsNot() async throws {
        let engine = try await StarterBot.engine()
        let agent = try await engine.tokens.create(role: .agent, name: "a", by: .system).token
        try await LiveServer.run(engine: engine) { port in
            func get(_ token: String) async throws -> (RawResponse, Duration) {
                let connection = try RawConnection(port: port)
                let started = ContinuousClock.now
                await connection.send("GET /v1/queues HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\nConnection: close\r\n\r\n")
                let response = try #require(RawResponse(await connection.readResponse()))
                return (response, ContinuousClock.now - started)
            }
            for _ in 0..<10 { #expect(try await get(Self.badToken).0.status == 401) }
            let (eleventh, firstDelay) = try await get(Self.badToken)
            #expect(eleventh.status == 429)
            #expect(eleventh.errorCode == "too_many_failures")
            #expect(eleventh.headers["retry-after"] != nil)
            #expect(firstDelay >= .milliseconds(250))
            let (_, secondDelay) = try await get(Self.badToken)
            #expect(secondDelay >= .milliseconds(500))
            let (valid, validTime) = try await get(agent)
            #expect(valid.status == 200)
            #expect(validTime < .milliseconds(250))
        }
        // Every failure, slowed or not, is counted.
        let entries = try await failures(engine)
        #expect(entries.count == 1)
        #expect(try await engine.store.pendingAuthFailures() == 11)
    }
}

/// A settable clock for the engine (the ledger's windows).
final class TestClock: Sendable {
    private let current = Mutex(StarterBot.now)
    var now: Date { current.withLock { $0 } }
    func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
