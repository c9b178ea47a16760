import Foundation
import Logging
import ParleyEngine
import ServiceLifecycle

/// Applies the retention policy on the schedule of `retention.schedule` while
/// the server runs. A run that fails is logged (its error names the rule or
/// the file) and tried again at the next time; a run cut short by a shutdown
/// is finished at the next start.
public struct RetentionService: Service {
    let retention: RetentionServices
    let schedule: ParleyConfiguration.Retention.Schedule
    let logger: Logger

    public init(retention: RetentionServices, schedule: ParleyConfiguration.Retention.Schedule, logger: Logger) {
        self.retention = retention
        self.schedule = schedule
        self.logger = logger
    }

    public func run() async throws {
        guard schedule != .off else {
            logger.notice("retention schedule is off; apply the policy with 'parley retention apply'")
            try await gracefulShutdown()
            return
        }
        logger.info("retention scheduled", metadata: ["retention.schedule": "\(schedule)"])
        while !Task.isShuttingDownGracefully {
            let wait = Self.delay(until: schedule, from: Date())
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(wait)) }
            } catch is CancellationError {
                break
            }
            do {
                _ = try await cancelWhenGracefulShutdown { try await retention.apply(by: .system) }
            } catch is CancellationError {
                break
            } catch {
                logger.error("retention run failed", metadata: ["error": "\(String(describing: error))"])
            }
        }
    }

    /// Seconds from `now` to the next run.
    static func delay(until schedule: ParleyConfiguration.Retention.Schedule, from now: Date) -> Double {
        switch schedule {
        case .off: return .infinity
        case let .every(seconds): return Double(seconds)
        case let .daily(hour, minute):
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let next = calendar.nextDate(after: now, matching: DateComponents(hour: hour, minute: minute, second: 0), matchingPolicy: .nextTime) ?? now.addingTimeInterval(86_400)
            return max(1, next.timeIntervalSince(now))
        }
    }
}
