import Foundation
import ParleyEngine
import ParleyServer
import ParleyTestSupport
import Testing

/// Slow and idle clients are cut after the documented timeouts, and while
/// they hold connections the server keeps answering everyone else.
@Suite struct SlowClientTests {
    static func settings(idle: Duration = .seconds(1), body: Duration = .seconds(1)) -> ServerSettings {
        ServerSettings(idleTimeout: idle, bodyTimeout: body)
    }

    @Test func headersTricklingInAreCutAfterTheIdleTimeout() async throws {
        let engine = try await StarterBot.engine()
        try await LiveServer.run(engine: engine, settings: Self.settings()) { port in
            let connection = try RawConnection(port: port)
            let started = ContinuousClock.now
            // Half a request head, then nothing more: the slowloris pattern.
            await connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: 1")
            let (received, closed) = await connection.readUntilClosed()
            #expect(closed)
            #expect(received.isEmpty)
            #expect(ContinuousClock.now - started < .seconds(10))
        }
    }

    @Test func anIdleKeepAliveConnectionIsClosed() async throws {
        let engine = try await StarterBot.engine()
        try await LiveServer.run(engine: engine, settings: Self.settings()) { port in
            let connection = try RawConnection(port: port)
            await connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(RawResponse(await connection.readResponse())?.status == 200)
            let (_, closed) = await connection.readUntilClosed()
            #expect(closed)
        }
    }

    @Test func aBodyTricklingInIsAnswered408AndCut() async throws {
        let engine = try await StarterBot.engine()
        try await LiveServer.run(engine: engine, settings: Self.settings(idle: .seconds(30))) { port in
            let connection = try RawConnection(port: port)
            await connection.send(
                "POST /v1/conversations/slow-1/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"text\": "
            )
            let (received, closed) = await connection.readUntilClosed()
            let response = try #require(RawResponse(String(decoding: received, as: UTF8.self)))
            #expect(response.status == 408)
            #expect(response.errorCode == "request_timeout")
            #expect(closed)
        }
        #expect(try await engine.store.loadConversation("slow-1") == nil)
    }

    @Test func slowClientsHoldingConnectionsDoNotStopOthersBeingServed() async throws {
        let engine = try await StarterBot.engine()
        try await LiveServer.run(engine: engine, settings: Self.settings(idle: .seconds(30), body: .seconds(30))) { port in
            var slow: [RawConnection] = []
            for index in 0..<50 {
                let connection = try RawConnection(port: port)
                await connection.send(index.isMultiple(of: 2)
                    ? "GET /healthz HTTP/1.1\r\nHost: x\r\n"
                    : "POST /v1/conversations/s-\(index)/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{")
                slow.append(connection)
            }
            for _ in 0..<5 {
                let client = try RawConnection(port: port, receiveTimeout: .seconds(60))
                await client.send("POST /v1/conversations/fast-1/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 17\r\nConnection: close\r\n\r\n{\"text\": \"hello\"}")
                #expect(RawResponse(await client.readResponse())?.status == 200)
            }
            withExtendedLifetime(slow) {}
        }
    }

    @Test func connectionsBeyondTheCapWaitForOneToClose() async throws {
        let engine = try await StarterBot.engine()
        var settings = Self.settings()
        settings.maxConnections = 16
        try await LiveServer.run(engine: engine, settings: settings) { port in
            var idle: [RawConnection] = []
            for _ in 0..<16 { idle.append(try RawConnection(port: port)) }
            // Accepted by the kernel, served once the idle ones time out.
            let waiting = try RawConnection(port: port, receiveTimeout: .seconds(15))
            await waiting.send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(RawResponse(await waiting.readResponse())?.status == 200)
            withExtendedLifetime(idle) {}
        }
    }
}
