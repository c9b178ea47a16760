import Logging
import ParleyAudit
import ParleyEngine
import ServiceLifecycle

/// Signs an audit checkpoint periodically while the server runs, and on
/// shutdown records `server.stop` and signs a last one. Listed before the
/// HTTP server in the service group, so it stops after the server has
/// drained its requests.
public struct AuditCheckpointService: Service {
    let audit: AuditTrail
    let interval: Duration
    let logger: Logger

    public init(audit: AuditTrail, interval: Duration, logger: Logger) {
        self.audit = audit
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch is CancellationError {
                break
            }
            await checkpoint()
        }
        do { try await audit.record(Principal.system.event("server.stop")) } catch {
            logger.error("audit entry could not be written", metadata: ["audit.action": "server.stop"])
        }
        await checkpoint()
    }

    private func checkpoint() async {
        do {
            let (size, _) = try await audit.checkpoint()
            logger.debug("audit checkpoint signed", metadata: ["audit.size": "\(size)"])
        } catch {
            logger.error("audit checkpoint could not be signed", metadata: ["error": "\(error.description)"])
        }
    }
}
