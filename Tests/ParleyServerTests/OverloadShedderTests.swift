import Foundation
import HTTPTypes
import Logging
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import ParleyEngine
@testable import ParleyServer
import ParleyTestSupport
import Synchronization
import Testing

/// While the turn queue is full, turn requests are refused on the
/// connection's event loop before anything else runs; a client that comes
/// back before its Retry-After is paced; everything else passes.
@Suite struct OverloadShedderTests {
    /// A queue whose only slot is held (and no waiting room) until `release` runs.
    final class FullQueue: Sendable {
        let queue: AdmissionQueue
        private let holder: Task<Void, Never>
        private let release: AsyncStream<Void>.Continuation

        /// Fills `queue`, which must have one slot and no waiting room.
        init(_ queue: AdmissionQueue = AdmissionQueue(settings: .init(maxConcurrent: 1, maxQueued: 0, maxWait: .seconds(60)))) async throws {
            self.queue = queue
            let (released, release) = AsyncStream.makeStream(of: Void.self)
            self.release = release
            let (entered, enter) = AsyncStream.makeStream(of: Void.self)
            holder = Task { [queue] in
                _ = try? await queue.run {
                    enter.yield()
                    for await _ in released { return }
                }
            }
            var iterator = entered.makeAsyncIterator()
            _ = await iterator.next()
        }

        func open() async {
            release.finish()
            await holder.value
        }
    }

    static func message(_ id: String = "c-1", headers: HTTPFields = [:]) -> HTTPRequest {
        var fields = headers
        fields[.contentType] = "application/json"
        return HTTPRequest(method: .post, scheme: nil, authority: "localhost", path: "/v1/conversations/\(id)/messages", headerFields: fields)
    }

    /// A connected channel with the shedder in front (an unconnected one is never active).
    static func channel(_ handler: OverloadShedder, loop: EmbeddedEventLoop = EmbeddedEventLoop()) async throws -> EmbeddedChannel {
        let channel = EmbeddedChannel(handler: handler, loop: loop)
        try await channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 9)).get()
        return channel
    }

    /// Sends a whole request (head, a body part, end) into the channel.
    static func send(_ head: HTTPRequest, on channel: EmbeddedChannel) throws {
        try channel.writeInbound(HTTPRequestPart.head(head))
        try channel.writeInbound(HTTPRequestPart.body(ByteBuffer(string: #"{"text": "hello"}"#)))
        try channel.writeInbound(HTTPRequestPart.end(nil))
    }

    /// The response parts written so far, as (status, headers, body).
    static func response(from channel: EmbeddedChannel) throws -> (HTTPResponse, String)? {
        guard case let .head(head)? = try channel.readOutbound(as: HTTPResponsePart.self) else { return nil }
        var body = ""
        while let part = try channel.readOutbound(as: HTTPResponsePart.self) {
            if case let .body(buffer) = part { body += String(buffer: buffer) }
            if case .end = part { break }
        }
        return (head, body)
    }

    /// Counts what got past the shedder.
    static func forwarded(_ channel: EmbeddedChannel) throws -> [HTTPRequestPart] {
        var parts: [HTTPRequestPart] = []
        while let part = try channel.readInbound(as: HTTPRequestPart.self) { parts.append(part) }
        return parts
    }

    @Test func aTurnRequestWhileTheQueueIsFullIsRefusedWithoutReachingTheApplication() async throws {
        let full = try await FullQueue()
        let shed = ManagedCounter()
        let channel = try await Self.channel(OverloadShedder(queue: full.queue) { shed.increment() })
        try Self.send(Self.message(), on: channel)
        #expect(try Self.forwarded(channel).isEmpty)
        let (head, body) = try #require(try Self.response(from: channel))
        #expect(head.status == .serviceUnavailable)
        #expect(Int(head.headerFields[.retryAfter] ?? "") ?? 0 >= 1)
        #expect(head.headerFields[.contentType] == "application/json; charset=utf-8")
        #expect(head.headerFields[.contentLength] == String(body.utf8.count))
        #expect(body.contains(#""code":"overloaded""#))
        #expect(shed.value == 1)
        #expect(channel.isActive, "the connection stays open for the next request")
        await full.open()
        _ = try channel.finish()
    }

    @Test func everyTurnRouteIsShedAndNothingElse() async throws {
        let turn: [HTTPRequest] = [
            Self.message(),
            HTTPRequest(method: .post, scheme: nil, authority: "localhost", path: "/webhooks/rest/webhook?x=1", headerFields: [:]),
            HTTPRequest(method: .post, scheme: nil, authority: "localhost", path: "/model/parse", headerFields: [:]),
        ]
        let other: [HTTPRequest] = [
            HTTPRequest(method: .get, scheme: nil, authority: "localhost", path: "/healthz", headerFields: [:]),
            HTTPRequest(method: .get, scheme: nil, authority: "localhost", path: "/v1/conversations/c-1/messages", headerFields: [:]),
            HTTPRequest(method: .post, scheme: nil, authority: "localhost", path: "/v1/conversations/c-1/claim", headerFields: [:]),
            HTTPRequest(method: .post, scheme: nil, authority: "localhost", path: "/v1/conversations//messages", headerFields: [:]),
        ]
        #expect(turn.allSatisfy(OverloadShedder.isTurnRequest))
        #expect(!other.contains(where: OverloadShedder.isTurnRequest))

        let full = try await FullQueue()
        let channel = try await Self.channel(OverloadShedder(queue: full.queue))
        let health = other[0]
        try Self.send(health, on: channel)
        #expect(try Self.forwarded(channel).count == 3, "head, body and end of a health check pass")
        await full.open()
        _ = try channel.finish()
    }

    @Test func withRoomInTheQueueTurnRequestsPass() async throws {
        let queue = AdmissionQueue(settings: .init(maxConcurrent: 1, maxQueued: 0, maxWait: .seconds(60)))
        let channel = try await Self.channel(OverloadShedder(queue: queue))
        try Self.send(Self.message(), on: channel)
        #expect(try Self.forwarded(channel).count == 3)
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil)
        _ = try channel.finish()
    }

    @Test func aRequestBehindAnotherOnTheSameConnectionIsLeftToTheQueue() async throws {
        // Answering it here could overtake the response still owed for the first.
        let queue = AdmissionQueue(settings: .init(maxConcurrent: 1, maxQueued: 0, maxWait: .seconds(60)))
        let channel = try await Self.channel(OverloadShedder(queue: queue))
        try Self.send(Self.message("first"), on: channel)
        #expect(try Self.forwarded(channel).count == 3)
        let full = try await FullQueue()
        let busyChannel = try await Self.channel(OverloadShedder(queue: full.queue))
        try Self.send(Self.message("first"), on: busyChannel)
        #expect(try Self.forwarded(busyChannel).isEmpty, "nothing in flight: shed")
        _ = try Self.response(from: busyChannel)
        await full.open()

        // A connection with a request in flight when the queue fills: the next one passes.
        let shared = AdmissionQueue(settings: .init(maxConcurrent: 1, maxQueued: 0, maxWait: .seconds(60)))
        let pipelined = try await Self.channel(OverloadShedder(queue: shared))
        try pipelined.writeInbound(HTTPRequestPart.head(Self.message("a")))
        #expect(try Self.forwarded(pipelined).count == 1)
        let second = try await FullQueue(shared)
        try Self.send(Self.message("b"), on: pipelined)
        #expect(try Self.forwarded(pipelined).count == 3, "the second request reaches the queue")
        // Once the first's response has ended, the connection is free again and sheds.
        try pipelined.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .ok)))
        try pipelined.writeOutbound(HTTPResponsePart.end(nil))
        try pipelined.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .ok)))
        try pipelined.writeOutbound(HTTPResponsePart.end(nil))
        while try pipelined.readOutbound(as: HTTPResponsePart.self) != nil {}
        try Self.send(Self.message("c"), on: pipelined)
        #expect(try Self.forwarded(pipelined).isEmpty)
        #expect(try Self.response(from: pipelined)?.0.status == .serviceUnavailable)
        await second.open()
        _ = try channel.finish()
        _ = try pipelined.finish()
    }

    @Test func aClientBackBeforeItsRetryAfterIsAnsweredWhenItHasPassed() async throws {
        let full = try await FullQueue()
        let loop = EmbeddedEventLoop()
        let channel = try await Self.channel(OverloadShedder(queue: full.queue), loop: loop)
        try Self.send(Self.message(), on: channel)
        let (first, _) = try #require(try Self.response(from: channel))
        let retryAfter = try #require(Int(first.headerFields[.retryAfter] ?? ""))

        // Straight back, ignoring Retry-After: no answer yet.
        try Self.send(Self.message(), on: channel)
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil)
        #expect(try Self.forwarded(channel).isEmpty)
        loop.advanceTime(by: .seconds(Int64(retryAfter)) - .milliseconds(1))
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil)
        loop.advanceTime(by: .milliseconds(1))
        #expect(try Self.response(from: channel)?.0.status == .serviceUnavailable)

        // After waiting as told, the refusal is immediate again.
        loop.advanceTime(by: .seconds(Int64(retryAfter)))
        try Self.send(Self.message(), on: channel)
        #expect(try Self.response(from: channel)?.0.status == .serviceUnavailable)
        await full.open()
        _ = try channel.finish()
    }

    @Test func aRequestPipelinedBehindAPacedRefusalComesAfterIt() async throws {
        let full = try await FullQueue()
        let loop = EmbeddedEventLoop()
        let channel = try await Self.channel(OverloadShedder(queue: full.queue), loop: loop)
        try Self.send(Self.message(), on: channel)
        _ = try Self.response(from: channel)
        try Self.send(Self.message(), on: channel)   // back at once: paced
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil)
        let health = HTTPRequest(method: .get, scheme: nil, authority: "l", path: "/healthz", headerFields: [:])
        try channel.writeInbound(HTTPRequestPart.head(health))
        // The paced 503 is written before the next request reaches the application.
        #expect(try Self.response(from: channel)?.0.status == .serviceUnavailable)
        guard case let .head(forwarded)? = try channel.readInbound(as: HTTPRequestPart.self) else {
            Issue.record("the health check did not pass")
            return
        }
        #expect(forwarded.path == "/healthz")
        loop.advanceTime(by: .seconds(60))
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil, "the refusal is written once")
        await full.open()
        _ = try channel.finish()
    }

    @Test func theQueuesOwn503AlsoStartsTheWait() async throws {
        let full = try await FullQueue()
        let loop = EmbeddedEventLoop()
        let channel = try await Self.channel(OverloadShedder(queue: full.queue), loop: loop)
        // A response the application wrote (the queue refused a request that passed).
        try channel.writeInbound(HTTPRequestPart.head(HTTPRequest(method: .get, scheme: nil, authority: "l", path: "/healthz", headerFields: [:])))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        _ = try Self.forwarded(channel)
        try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .serviceUnavailable, headerFields: [.retryAfter: "3"])))
        try channel.writeOutbound(HTTPResponsePart.end(nil))
        while try channel.readOutbound(as: HTTPResponsePart.self) != nil {}
        try Self.send(Self.message(), on: channel)
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil)
        loop.advanceTime(by: .seconds(3))
        #expect(try Self.response(from: channel)?.0.status == .serviceUnavailable)
        await full.open()
        _ = try channel.finish()
    }

    @Test func connectionCloseIsHonoured() async throws {
        let full = try await FullQueue()
        let channel = try await Self.channel(OverloadShedder(queue: full.queue))
        try Self.send(Self.message(headers: [.connection: "close"]), on: channel)
        let (head, _) = try #require(try Self.response(from: channel))
        #expect(head.status == .serviceUnavailable)
        #expect(head.headerFields[.connection] == "close")
        #expect(!channel.isActive)
        await full.open()
    }

    /// End to end on a real server: the turn queue full (one turn held at its
    /// order look-up), a turn request is answered 503 by the connection
    /// without reaching the router (whose request counter does not move),
    /// and the held turn still completes.
    @Test func aRealServerShedsAtTheConnection() async throws {
        let gate = Gate()
        let engine = try await StarterBot.engine(records: GatedRecords(gate: gate))
        var settings = ServerSettings(host: "127.0.0.1", port: 0)
        settings.turnQueue = .init(maxConcurrent: 1, maxQueued: 0, maxWait: .seconds(60))
        try await LiveServer.run(engine: engine, settings: settings) { port in
            let held = try RawConnection(port: port)
            let question = #"{"text": "What is the status of order #12345?", "customer_id": "C-1001"}"#
            await held.send("POST /v1/conversations/held-1/messages HTTP/1.1\r\nHost: l\r\nContent-Type: application/json\r\nContent-Length: \(question.utf8.count)\r\n\r\n\(question)")
            await gate.waitUntilEntered()
            let routed = Self.requestCount(engine)

            let refused = try RawConnection(port: port)
            let body = #"{"text": "hello"}"#
            await refused.send("POST /v1/conversations/shed-1/messages HTTP/1.1\r\nHost: l\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
            let response = try #require(RawResponse(await refused.readResponse()))
            #expect(response.status == 503)
            #expect(response.errorCode == "overloaded")
            #expect(Int(response.headers["retry-after"] ?? "") ?? 0 >= 1)
            #expect(Self.requestCount(engine) == routed, "the refused request never reached the router")
            #expect(engine.metrics.render().contains(#"parley_http_overload_rejections_total{reason="queue_full"} 1"#))

            await gate.open()
            #expect(RawResponse(await held.readResponse())?.status == 200)
        }
        #expect(try await engine.store.loadConversation("shed-1") == nil)
    }

    /// A client that hangs up while its turn waits takes the turn out of the
    /// queue: it never runs (nothing stored), its place goes to the next
    /// waiter, and the connection is no longer watched.
    @Test func aTurnWhoseClientHangsUpLeavesTheQueueWithoutRunning() async throws {
        let (gate, engine, settings) = try await Self.oneRunningOneWaiting()
        try await LiveServer.run(engine: engine, settings: settings) { port in
            let held = try RawConnection(port: port)
            await held.send(Self.turnRequest("held-2", Self.orderQuestion))
            await gate.waitUntilEntered()

            let gone = try RawConnection(port: port)
            await gone.send(Self.turnRequest("gone-1", Self.hello))
            try await waitUntil { engine.metrics.render().contains("parley_turn_queue_waiting 1") }
            await gone.hangUp()
            try await waitUntil {
                engine.metrics.render().contains(#"parley_http_overload_rejections_total{reason="client_gone"} 1"#)
            }
            #expect(engine.metrics.render().contains("parley_turn_queue_waiting 0"))

            // The freed place takes the next client, who is served once the held turn ends.
            let next = try RawConnection(port: port)
            await next.send(Self.turnRequest("next-1", Self.hello))
            try await waitUntil { engine.metrics.render().contains("parley_turn_queue_waiting 1") }
            await gate.open()
            #expect(RawResponse(await held.readResponse())?.status == 200)
            #expect(RawResponse(await next.readResponse())?.status == 200)
        }
        #expect(try await engine.store.loadConversation("gone-1") == nil)
        #expect(try await engine.store.loadConversation("next-1") != nil)
    }

    /// A client that sent `Connection: close` may half-close and still read
    /// its answer: its waiting turn keeps its place and is served.
    @Test func aHalfCloseAfterConnectionCloseKeepsTheTurn() async throws {
        let (gate, engine, settings) = try await Self.oneRunningOneWaiting()
        try await LiveServer.run(engine: engine, settings: settings) { port in
            let held = try RawConnection(port: port)
            await held.send(Self.turnRequest("held-3", Self.orderQuestion))
            await gate.waitUntilEntered()
            let polite = try RawConnection(port: port)
            await polite.send(Self.turnRequest("half-1", Self.hello, connectionClose: true))
            try await waitUntil { engine.metrics.render().contains("parley_turn_queue_waiting 1") }
            await polite.halfClose()
            await gate.open()
            #expect(RawResponse(await held.readResponse())?.status == 200)
            #expect(RawResponse(await polite.readResponse())?.status == 200)
        }
        #expect(try await engine.store.loadConversation("half-1") != nil)
        #expect(!engine.metrics.render().contains(#"reason="client_gone""#))
    }

    static let orderQuestion = OverloadTests.orderQuestion
    static let hello = #"{"text": "hello"}"#

    /// A server whose turn queue runs one turn and holds one more; the gate
    /// holds a turn that asks about an order at its look-up.
    static func oneRunningOneWaiting() async throws -> (Gate, ParleyEngine, ServerSettings) {
        let gate = Gate()
        let engine = try await StarterBot.engine(records: GatedRecords(gate: gate))
        var settings = ServerSettings(host: "127.0.0.1", port: 0)
        settings.turnQueue = .init(maxConcurrent: 1, maxQueued: 1, maxWait: .seconds(600))
        return (gate, engine, settings)
    }

    /// A customer message to conversation `id`, as raw HTTP/1.1.
    static func turnRequest(_ id: String, _ json: String, connectionClose: Bool = false) -> String {
        let close = connectionClose ? "Connection: close\r\n" : ""
        return "POST /v1/conversations/\(id)/messages HTTP/1.1\r\nHost: l\r\n\(close)Content-Type: application/json\r\n"
            + "Content-Length: \(json.utf8.count)\r\n\r\n\(json)"
    }

    /// The sum of `parley_http_requests_total` over its series.
    static func requestCount(_ engine: ParleyEngine) -> Double {
        engine.metrics.render().split(separator: "\n")
            .filter { $0.hasPrefix("parley_http_requests_total{") }
            .compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }
            .reduce(0, +)
    }
}

/// A counter the shedder's callback may bump from any thread.
final class ManagedCounter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
