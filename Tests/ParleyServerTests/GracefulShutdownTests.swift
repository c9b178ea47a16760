import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ParleyEngine
import ParleyIntegrations
import ParleyServer
import ParleyStore
import ParleyTestSupport
import ServiceLifecycle
import Testing

/// Holds order look-ups until the test opens it, so a turn can be caught in flight.
actor Gate {
    private var entered = false
    private var isOpen = false
    private var enterWaiters: [CheckedContinuation<Void, Never>] = []
    private var openWaiters: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        entered = true
        enterWaiters.forEach { $0.resume() }
        enterWaiters = []
        if !isOpen { await withCheckedContinuation { openWaiters.append($0) } }
    }

    func waitUntilEntered() async {
        if entered { return }
        await withCheckedContinuation { enterWaiters.append($0) }
    }

    func open() {
        isOpen = true
        openWaiters.forEach { $0.resume() }
        openWaiters = []
    }
}

struct GatedRecords: CustomerRecords, CustomerRecordsProvider {
    let gate: Gate
    var inner: LocalCRM?

    func records(store: Store) -> any CustomerRecords {
        GatedRecords(gate: gate, inner: LocalCRM(store: store))
    }

    func order(number: String) async throws(IntegrationError) -> Order? {
        await gate.enter()
        return try await inner!.order(number: number)
    }

    func customer(id: String) async throws(IntegrationError) -> Customer? {
        try await inner!.customer(id: id)
    }

    func tickets(customerID: String) async throws(IntegrationError) -> [Ticket] {
        try await inner!.tickets(customerID: customerID)
    }
}

@Suite struct GracefulShutdownTests {
    @Test func shutdownWaitsForATurnInFlightAndStoresIt() async throws {
        let gate = Gate()
        let engine = try await StarterBot.engine(records: GatedRecords(gate: gate))
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let app = buildApplication(
            engine: engine, settings: ServerSettings(host: "127.0.0.1", port: 0), logger: logger,
            onServerRunning: { channel in portSink.yield(channel.localAddress?.port ?? 0) }
        )
        let group = ServiceGroup(services: [app], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            let client = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(120)))
            client.connect()
            let body = ByteBuffer(string: #"{"text": "What is the status of order #12345?", "customer_id": "C-1001"}"#)
            let request = TestClient.Request(
                "/v1/conversations/inflight-1/messages", method: .post, authority: "localhost",
                headers: [.contentType: "application/json"], body: body
            )
            async let response = client.execute(request)
            await gate.waitUntilEntered()
            await group.triggerGracefulShutdown()
            await gate.open()
            let result = try await response
            #expect(result.status == .ok)
            #expect(String(buffer: result.body ?? ByteBuffer()).contains("expected to ship by tomorrow"))
            try await client.shutdown()
            try await tasks.waitForAll()
        }
        let stored = try await engine.store.transcript("inflight-1")
        #expect(stored?.1.map(\.role) == [.customer, .bot])
    }
}
