import Foundation
import Logging
import ParleyAudit
import ParleyStore
import Synchronization

/// Failed and refused authentications, durably: the first of each kind (the
/// same reason and route, or the same token on the same route) in a window
/// is an audit entry (`auth.failed`, `auth.denied`); the others are counted
/// on disk and their number (`folded_since_last_entry`) is carried by the
/// kind's next entry, or by an entry closing the window (`auth.failed.folded`,
/// `auth.denied.folded`, which stands for those failures only). So the
/// failures of a kind are its entries plus all their folded counts.
/// A flood of bad tokens cannot flood the append-only log, and a restart or
/// crash loses no count.
///
/// Concurrent failures are written together (one transaction for all that
/// arrived while the previous one was written): a caller is answered only
/// once its failure is on disk, so a flood is paced by the disk, not the
/// other way round.
public final class AuthFailureLedger: Sendable {
    public static let window: TimeInterval = 60

    private struct Pending {
        var failures: [String: AuthFailureCount] = [:]
        var waiters: [CheckedContinuation<Void, Never>] = []
        var writing = false
    }

    let store: Store
    let audit: AuditTrail
    let metrics: MetricsRegistry
    let logger: Logger
    let clock: @Sendable () -> Date
    private let pending = Mutex(Pending())

    init(store: Store, audit: AuditTrail, metrics: MetricsRegistry, logger: Logger, clock: @escaping @Sendable () -> Date) {
        self.store = store
        self.audit = audit
        self.metrics = metrics
        self.logger = logger
        self.clock = clock
    }

    /// Records one failure; returns once it is on disk (or could not be written: then counted in a metric and logged).
    public func record(key: String, principal: Principal, action: String, details: [String: String]) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let startWriter = pending.withLock { pending in
                pending.failures[key, default: AuthFailureCount(
                    key: key, action: action, actor: principal.actor.rawValue, role: principal.role.rawValue, details: details, count: 0
                )].count += 1
                pending.waiters.append(continuation)
                guard !pending.writing else { return false }
                pending.writing = true
                return true
            }
            if startWriter { Task { await self.writeAll() } }
        }
    }

    /// Writes batches until none is left, then lets the next failure start a writer.
    private func writeAll() async {
        while true {
            let (failures, waiters): ([AuthFailureCount], [CheckedContinuation<Void, Never>]) = pending.withLock { pending in
                defer {
                    pending.failures.removeAll(keepingCapacity: true)
                    pending.waiters.removeAll(keepingCapacity: true)
                }
                if pending.failures.isEmpty { pending.writing = false }
                return (pending.failures.values.sorted { $0.key < $1.key }, pending.waiters)
            }
            guard !failures.isEmpty else { return }
            do {
                try await store.recordAuthFailures(failures, now: clock(), window: Self.window, audit: entries)
            } catch {
                metrics.increment("parley_audit_failures_total")
                logger.error("failed authentications could not be recorded", metadata: ["error": "\(error.description)"])
            }
            for waiter in waiters { waiter.resume() }
        }
    }

    /// Writes the entries of windows that ended (all of them with `all`, at shutdown).
    public func closeWindows(all: Bool = false) async {
        let cutoff = all ? Date.distantFuture : clock().addingTimeInterval(-Self.window)
        do {
            try await store.closeAuthFailureWindows(openedBefore: cutoff, audit: entries)
        } catch {
            metrics.increment("parley_audit_failures_total")
            logger.error("failed authentications could not be recorded", metadata: ["error": "\(error.description)"])
        }
    }

    /// The audit appends for failure entries (built inside the store's transaction).
    private var entries: @Sendable ([AuthFailureEntry]) -> [AuditAppend] {
        { [audit] entries in
            audit.appends(entries.compactMap { entry in
                guard let actor = try? AuditActor(rawValue: entry.actor), let role = AuditRole(rawValue: entry.role) else { return nil }
                var details = entry.details
                if entry.folded > 0 { details["folded_since_last_entry"] = String(entry.folded) }
                return AuditEvent(
                    actor: actor, role: role, action: entry.closesWindow ? entry.action + ".folded" : entry.action, outcome: .denied,
                    details: details
                )
            })
        }
    }
}
