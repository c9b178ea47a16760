import Foundation
import Logging
import ParleyEngine
import ServiceLifecycle

/// Keeps a running server in step with the model registry: polls the store's
/// model generation every `interval` and swaps the serving model when a
/// promotion, rollback or shadow change was made (by the API here or by a
/// command beside the server), and stores what shadow mode counted. A
/// failure is logged and tried again at the next poll; the current model
/// keeps serving.
public struct ModelWatchService: Service {
    let engine: ParleyEngine
    let interval: Duration
    let logger: Logger

    public init(engine: ParleyEngine, interval: Duration, logger: Logger) {
        self.engine = engine
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        var lastFlush = ContinuousClock.now
        while !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch is CancellationError {
                break
            }
            do {
                try await engine.refreshServing()
            } catch {
                // refreshServing logged it once for this generation.
            }
            if ContinuousClock.now - lastFlush >= .seconds(2) {
                lastFlush = ContinuousClock.now
                do { try await engine.flushShadowTallies() } catch {
                    logger.error("shadow tallies could not be stored", metadata: ["error": "\(error.description)"])
                }
            }
        }
        do { try await engine.flushShadowTallies() } catch {
            logger.error("shadow tallies could not be stored", metadata: ["error": "\(error.description)"])
        }
    }
}
