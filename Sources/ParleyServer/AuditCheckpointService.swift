import Logging
import ParleyAudit
import ParleyEngine
import ServiceLifecycle

/// Signs an audit checkpoint periodically while the server runs, writes out
/// the windows of folded failed sign-ins as they end, and on shutdown
/// records those left, `server.stop`, and signs a last checkpoint. Listed before the
/// HTTP server in the service group, so it stops after the server has
/// drained its requests.
public struct AuditCheckpointService: Service {
    let audit: AuditTrail
    let interval: Duration
    let logger: Logger
    /// Windows of folded failed sign-ins, written out as they end and at shutdown.
    let authFailures: AuthFailureLedger?

    public init(audit: AuditTrail, interval: Duration, logger: Logger, authFailures: AuthFailureLedger? = nil) {
        self.audit = audit
        self.interval = interval
        self.logger = logger
        self.authFailures = authFailures
    }

    public func run() async throws {
        var lastCheckpoint = ContinuousClock.now
        while !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: min(interval, .seconds(AuthFailureLedger.window))) }
            } catch is CancellationError {
                break
            }
            await authFailures?.closeWindows()
            if ContinuousClock.now - lastCheckpoint >= interval {
                lastCheckpoint = .now
                await checkpoint()
            }
        }
        await authFailures?.closeWindows(all: true)
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
