import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ParleyEngine
@testable import ParleyServer
import ParleyTestSupport
import Testing

/// Past the turn queue's bounds, requests are refused at once with 503 and
/// Retry-After; those accepted are all served.
@Suite struct OverloadTests {
    static let orderQuestion = #"{"text": "What is the status of order #12345?", "customer_id": "C-1001"}"#

    @Test func requestsBeyondTheQueueAre503WithRetryAfterAndStoreNothing() async throws {
        let gate = Gate()
        let engine = try await StarterBot.engine(records: GatedRecords(gate: gate))
        // In-process requests have no peer address, so no loopback exemption: a channel token.
        let channel = try await engine.tokens.create(role: .channel, name: "c", by: .system).token
        var settings = ServerSettings(host: "127.0.0.1", port: 0)
        settings.turnQueue = .init(maxConcurrent: 1, maxQueued: 1, maxWait: .seconds(600))
        let app = buildApplication(engine: engine, settings: settings, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        try await app.test(.router) { client in
            // The first runs (held at the order look-up), the second waits, the third is refused.
            async let first = client.post("/v1/conversations/busy-1/messages", json: Self.orderQuestion, token: channel)
            await gate.waitUntilEntered()
            async let second = client.post("/v1/conversations/busy-2/messages", json: #"{"text": "hello"}"#, token: channel)
            try await waitUntil { engine.metrics.render().contains("parley_turn_queue_waiting 1") }
            let third = try await client.post("/v1/conversations/busy-3/messages", json: #"{"text": "hello"}"#, token: channel)
            #expect(third.status == .serviceUnavailable)
            #expect(third.errorCode == "overloaded")
            #expect(Int(third.headers[.retryAfter] ?? "") ?? 0 >= 1)
            await gate.open()
            #expect(try await first.status == .ok)
            #expect(try await second.status == .ok)
        }
        #expect(try await engine.store.loadConversation("busy-3") == nil)
        #expect(engine.metrics.render().contains(#"parley_http_overload_rejections_total{reason="queue_full"} 1"#))
    }

    @Test func aRequestWaitingLongerThanTheQueueTimeoutIs503() async throws {
        let gate = Gate()
        let engine = try await StarterBot.engine(records: GatedRecords(gate: gate))
        // In-process requests have no peer address, so no loopback exemption: a channel token.
        let channel = try await engine.tokens.create(role: .channel, name: "c", by: .system).token
        var settings = ServerSettings(host: "127.0.0.1", port: 0)
        settings.turnQueue = .init(maxConcurrent: 1, maxQueued: 10, maxWait: .milliseconds(200))
        let app = buildApplication(engine: engine, settings: settings, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        try await app.test(.router) { client in
            async let first = client.post("/v1/conversations/slow-q-1/messages", json: Self.orderQuestion, token: channel)
            await gate.waitUntilEntered()
            let second = try await client.post("/v1/conversations/slow-q-2/messages", json: #"{"text": "hello"}"#, token: channel)
            #expect(second.status == .serviceUnavailable)
            #expect(second.headers[.retryAfter] != nil)
            await gate.open()
            #expect(try await first.status == .ok)
        }
        #expect(try await engine.store.loadConversation("slow-q-2") == nil)
    }

    @Test func healthAndAgentEndpointsAreNotQueuedBehindTurns() async throws {
        let gate = Gate()
        let engine = try await StarterBot.engine(records: GatedRecords(gate: gate))
        // In-process requests have no peer address, so no loopback exemption: a channel token.
        let channel = try await engine.tokens.create(role: .channel, name: "c", by: .system).token
        var settings = ServerSettings(host: "127.0.0.1", port: 0)
        settings.turnQueue = .init(maxConcurrent: 1, maxQueued: 0, maxWait: .seconds(60))
        let app = buildApplication(engine: engine, settings: settings, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let agent = try await engine.tokens.create(role: .agent, name: "a", by: .system).token
        try await app.test(.router) { client in
            async let first = client.post("/v1/conversations/h-1/messages", json: Self.orderQuestion, token: channel)
            await gate.waitUntilEntered()
            let health = try await client.get("/healthz")
            let queues = try await client.get("/v1/queues", token: agent)
            let parse = try await client.post("/model/parse", json: #"{"text": "hi"}"#, token: channel)
            #expect(health.status == .ok)
            #expect(queues.status == .ok)
            #expect(parse.status == .serviceUnavailable)
            await gate.open()
            let turn = try await first
            #expect(turn.status == .ok)
        }
    }
}

@Suite struct AdmissionQueueTests {
    @Test func admitsInArrivalOrderAndBoundsTheQueue() async throws {
        let queue = AdmissionQueue(settings: .init(maxConcurrent: 1, maxQueued: 3, maxWait: .seconds(60)))
        let order = OrderLog()
        let release = Gate()
        async let holder: Void = queue.run { await release.enter() }
        await release.waitUntilEntered()
        var waiters: [Task<Void, any Error>] = []
        for index in 0..<3 {
            waiters.append(Task { try await queue.run { await order.append(index) } })
            try await waitUntil { queue.load.waiting == index + 1 }
        }
        await #expect(throws: AdmissionQueue.Refusal.queueFull) { try await queue.run {} }
        await release.open()
        try await holder
        for waiter in waiters { try await waiter.value }
        #expect(await order.values == [0, 1, 2])
        #expect(queue.load.running == 0 && queue.load.waiting == 0)
    }

    @Test func aWaiterPastItsDeadlineIsRefusedAndLeavesNothingBehind() async throws {
        let queue = AdmissionQueue(settings: .init(maxConcurrent: 1, maxQueued: 100, maxWait: .milliseconds(50)))
        let release = Gate()
        async let holder: Void = queue.run { await release.enter() }
        await release.waitUntilEntered()
        for _ in 0..<20 {
            await #expect(throws: AdmissionQueue.Refusal.waitedTooLong) { try await queue.run {} }
        }
        #expect(queue.load.waiting == 0)
        await release.open()
        try await holder
        try await queue.run {}
        #expect(queue.load.running == 0)
    }
}

@Suite struct AbandonedWaiterTests {
    /// A waiter whose client hangs up is refused at once and frees its place;
    /// one that runs already runs to the end; a later one on that connection
    /// is abandoned as soon as it queues; a closed connection is forgotten.
    @Test func aWaiterWhoseClientLeftIsRefusedAndOthersKeepTheirOrder() async throws {
        let queue = AdmissionQueue(settings: .init(maxConcurrent: 1, maxQueued: 2, maxWait: .seconds(600)))
        let release = Gate()
        let ran = OrderLog()
        // Kept alive, so that the two identities differ.
        let connections = (Connection(), Connection())
        let first = ObjectIdentifier(connections.0), second = ObjectIdentifier(connections.1)
        async let holder: Void = queue.run({ await release.enter(); await ran.append(0) }, connection: first)
        await release.waitUntilEntered()
        let abandoned = Task { try await queue.run({ await ran.append(1) }, connection: second) }
        try await waitUntil { queue.load.waiting == 1 }
        let stays = Task { try await queue.run { await ran.append(2) } }
        try await waitUntil { queue.load.waiting == 2 }
        queue.clientLeft(second)
        queue.clientLeft(first)  // running: it runs to the end
        await #expect(throws: AdmissionQueue.Refusal.abandoned) { try await abandoned.value }
        #expect(queue.load.waiting == 1)
        await #expect(throws: AdmissionQueue.Refusal.abandoned) {
            try await queue.run({ await ran.append(3) }, connection: second)
        }
        await release.open()
        try await holder
        try await stays.value
        #expect(await ran.values == [0, 2])
        #expect(queue.load.running == 0 && queue.load.waiting == 0)
        queue.connectionClosed(first)
        queue.connectionClosed(second)
        #expect(queue.connections.count == 0)
        withExtendedLifetime(connections) {}
    }
}

/// Stands in for a connection's identity.
final class Connection {}

actor OrderLog {
    private(set) var values: [Int] = []
    func append(_ value: Int) { values.append(value) }
}

/// Polls a condition the test cannot await directly (a request reaching the queue), up to 10 s.
func waitUntil(_ condition: () async -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(10)
    while !(await condition()) {
        guard ContinuousClock.now < deadline else { throw TestFailure("condition not reached in 10 s") }
        await Task.yield()
        try await Task.sleep(for: .milliseconds(2))
    }
}
