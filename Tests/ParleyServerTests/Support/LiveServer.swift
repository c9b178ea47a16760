import Foundation
import Hummingbird
import Logging
import ParleyEngine
import ParleyServer
import ServiceLifecycle

/// Runs the real server (the same `buildApplication` as `parley serve`) on a
/// free loopback port for the duration of `body`, then stops it gracefully.
enum LiveServer {
    static func run<T: Sendable>(
        engine: ParleyEngine, settings: ServerSettings = ServerSettings(host: "127.0.0.1", port: 0),
        logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
        _ body: @Sendable (_ port: Int) async throws -> T
    ) async throws -> T {
        var settings = settings
        settings.host = "127.0.0.1"
        settings.port = 0
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let app = buildApplication(
            engine: engine, settings: settings, logger: logger,
            onServerRunning: { channel in portSink.yield(channel.localAddress?.port ?? 0) }
        )
        let group = ServiceGroup(services: [app], logger: logger)
        return try await withThrowingTaskGroup(of: T?.self) { tasks in
            tasks.addTask {
                try await group.run()
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw TestFailure("the server did not start") }
            do {
                let result = try await body(port)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return result
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
        }
    }
}
