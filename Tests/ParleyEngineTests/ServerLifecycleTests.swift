import Foundation
import ParleyAudit
import ParleyEngine
import ParleyTestSupport
import Testing

/// What a start says about the previous run and about the disk.
@Suite struct ServerLifecycleTests {
    func actions(_ engine: ParleyEngine) async throws -> [String] {
        let size = try await engine.store.auditFrontier().size
        return try await engine.audit.entries(1...size).map(\.action).filter { $0.hasPrefix("server.") }
    }

    @Test func aStartAfterARunWhoseStopWasNotRecordedSaysSo() async throws {
        let engine = try await StarterBot.engine()
        try await engine.recordServerStart(details: [:])
        try await engine.audit.record(Principal.system.event("server.stop"))
        try await engine.recordServerStart(details: [:])
        // This run ends without its stop (killed, or its disk was full): the next start says so.
        try await engine.recordServerStart(details: [:])
        #expect(try await actions(engine) == ["server.start", "server.stop", "server.start", "server.stop.unrecorded", "server.start"])
        #expect(try await engine.audit.verifyStoredLog().verified)
    }

    @Test func aStartOnAFullDiskSaysTheDiskIsFull() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("full-start-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let configuration = StarterBot.configuration(installedUnder: root)
        let first = try await EngineBootstrap(configuration: configuration, logger: LogRecorder().logger).engine(trainIfMissing: true)
        try await first.recordServerStart(details: [:])
        try await first.store.checkpoint()
        let error = await FullDiskStart.attempt(configuration, under: configuration.paths.dataDirectory)
        let message = try #require(error).description
        #expect(message.contains("is full"), "\(message)")
        #expect(message.contains(configuration.paths.dataDirectory.lastPathComponent), "\(message)")
    }
}

enum FullDiskStart {
    /// Starts as `parley serve` does (bootstrap, then `server.start`) while the disk is full; the error it met.
    static func attempt(_ configuration: ParleyConfiguration, under directory: URL) async -> EngineError? {
        do {
            try await FullDisk.simulated(under: directory) {
                let engine = try await EngineBootstrap(configuration: configuration, logger: LogRecorder().logger).engine(trainIfMissing: true)
                try await engine.recordServerStart(details: [:])
            }
            return nil
        } catch let error as EngineError {
            return error
        } catch {
            return .storage(String(describing: error))
        }
    }
}
