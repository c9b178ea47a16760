import Logging
import ParleyAudit
import ParleyEngine
import ParleyServer
import ParleyTestSupport
import ServiceLifecycle
import Testing

@Suite struct AuditCheckpointServiceTests {
    @Test func shutdownRecordsServerStopAndSignsALastCheckpointOverIt() async throws {
        let engine = try await StarterBot.engine()
        try await engine.audit.record(Principal.system.event("server.start"))
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let service = AuditCheckpointService(audit: engine.audit, interval: .seconds(3_600), logger: logger)
        let group = ServiceGroup(services: [service], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        let size = try await engine.store.auditFrontier().size
        let last = try #require(try await engine.audit.entries(size...size).first)
        #expect(last.action == "server.stop")
        #expect(try await engine.store.latestAuditCheckpoint()?.size == size)
        #expect(try await engine.audit.verifyStoredLog().verified)
    }
}
