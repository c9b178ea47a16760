import Foundation
import Synchronization

/// Slows down repeated failed authentications from one address: past
/// `threshold` failures within a minute, each further failure from it is
/// answered 429 only after a delay that doubles with every failure (from
/// `firstDelay` up to `maximumDelay`). A valid token is never delayed, so a
/// proxy or NAT shared with a misbehaving client does not lock out the
/// others. Bounded memory: at most `capacity` addresses are tracked.
final class AuthThrottle: Sendable {
    struct Settings: Sendable, Hashable {
        var threshold = 10
        var window: Duration = .seconds(60)
        var firstDelay: Duration = .milliseconds(250)
        var maximumDelay: Duration = .seconds(5)
        var capacity = 10_000
    }

    private struct Record {
        var windowStart: ContinuousClock.Instant
        var failures: Int
    }

    let settings: Settings
    private let records = Mutex<[String: Record]>([:])

    init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Counts a failure from `address`; returns the delay to impose before
    /// answering, nil while the address is under the threshold.
    func failed(from address: String, at now: ContinuousClock.Instant = .now) -> Duration? {
        let failures: Int = records.withLock { records in
            var record = records[address] ?? Record(windowStart: now, failures: 0)
            if now - record.windowStart >= settings.window { record = Record(windowStart: now, failures: 0) }
            record.failures += 1
            if records[address] == nil, records.count >= settings.capacity {
                records = records.filter { now - $0.value.windowStart < settings.window }
                // Still full: forget the oldest half rather than grow.
                if records.count >= settings.capacity {
                    let kept = records.sorted { $0.value.windowStart > $1.value.windowStart }.prefix(settings.capacity / 2)
                    records = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
                }
            }
            records[address] = record
            return record.failures
        }
        guard failures > settings.threshold else { return nil }
        let doublings = min(failures - settings.threshold - 1, 30)
        return min(settings.firstDelay * (1 << doublings), settings.maximumDelay)
    }

    /// Addresses tracked now (tests).
    var trackedAddresses: Int { records.withLock { $0.count } }
}
