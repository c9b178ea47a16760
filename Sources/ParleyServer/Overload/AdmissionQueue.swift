import Foundation
import Synchronization

/// The bounded queue in front of the turn pipeline: at most `maxConcurrent`
/// requests run it at once, at most `maxQueued` wait their turn (first come,
/// first served), and none waits longer than `maxWait`. A request past those
/// bounds is refused at once (503 with `Retry-After`): under overload the
/// server answers every request quickly, keeps the latency of those it
/// accepts bounded, and its memory does not grow with the backlog.
public final class AdmissionQueue: Sendable {
    public struct Settings: Sendable, Hashable {
        /// Requests running the pipeline at once (default: twice the cores).
        public var maxConcurrent: Int
        /// Requests waiting for a slot; one more is refused (503).
        public var maxQueued: Int
        /// The longest a request waits for a slot before it is refused (503).
        public var maxWait: Duration

        public init(
            maxConcurrent: Int = 2 * max(1, ProcessInfo.processInfo.activeProcessorCount), maxQueued: Int = 64,
            maxWait: Duration = .seconds(5)
        ) {
            self.maxConcurrent = max(1, maxConcurrent)
            self.maxQueued = max(0, maxQueued)
            self.maxWait = maxWait
        }
    }

    enum Refusal: Error, Equatable {
        case queueFull
        case waitedTooLong
        /// The client hung up while the request waited (``clientLeft(_:)``).
        case abandoned
    }

    /// How a wait ended.
    private enum Outcome {
        case admitted, expired, abandoned
    }

    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Outcome, Never>
    }

    private struct State {
        var running = 0
        /// Oldest first; at most `maxQueued`, so removing from the front is cheap.
        var waiting: [Waiter] = []
        var nextID: UInt64 = 0
        /// Waiters between the first check and joining `waiting`, and those
        /// of them whose deadline passed or whose client left meanwhile.
        var arriving: Set<UInt64> = []
        var expiredEarly: [UInt64: Outcome] = [:]
        /// Moving average of the time a request holds its slot, for `Retry-After`.
        var averageSeconds = 0.05
    }

    let settings: Settings
    private let state = Mutex(State())
    /// The connections the waiting requests came on.
    let connections = WaitingConnections()
    /// Told the load after every change (for the metrics gauges).
    private let observe: @Sendable (_ running: Int, _ waiting: Int) -> Void

    init(settings: Settings, observe: @escaping @Sendable (_ running: Int, _ waiting: Int) -> Void = { _, _ in }) {
        precondition(settings.maxConcurrent > 0 && settings.maxQueued >= 0, "admission bounds")
        self.settings = settings
        self.observe = observe
    }

    private func report() {
        let (running, waiting) = load
        observe(running, waiting)
    }

    /// Runs `body` when a slot is free; throws ``Refusal`` without running it
    /// otherwise. A request with a `connection` that waits leaves the queue,
    /// refused (``Refusal/abandoned``), when that connection's client hangs up
    /// (``clientLeft(_:)``).
    func run<T>(_ body: () async throws -> T, connection: ObjectIdentifier? = nil) async throws -> T {
        try await acquire(connection: connection)
        report()
        let started = ContinuousClock.now
        defer {
            release(heldFor: ContinuousClock.now - started)
            report()
        }
        return try await body()
    }

    /// How many requests run and wait now (for metrics).
    var load: (running: Int, waiting: Int) {
        state.withLock { ($0.running, $0.waiting.count) }
    }

    /// Whether a request arriving now would be refused at once (``Refusal/queueFull``).
    var isFull: Bool {
        state.withLock { state in
            !(state.running < settings.maxConcurrent && state.waiting.isEmpty) && state.waiting.count >= settings.maxQueued
        }
    }

    /// Whole seconds after which a refused client may try again: the time the
    /// current backlog takes to drain, at least one second, at most a minute.
    var retryAfterSeconds: Int {
        state.withLock { state in
            let backlog = Double(state.waiting.count + state.running) * state.averageSeconds / Double(settings.maxConcurrent)
            return min(60, max(1, Int(backlog.rounded(.up))))
        }
    }

    private enum Entry {
        case admitted
        case refused
        case queued(UInt64)
    }

    private func acquire(connection: ObjectIdentifier?) async throws {
        let entry: Entry = state.withLock { state in
            if state.running < settings.maxConcurrent, state.waiting.isEmpty {
                state.running += 1
                return .admitted
            }
            guard state.waiting.count < settings.maxQueued else { return .refused }
            state.nextID &+= 1
            state.arriving.insert(state.nextID)
            return .queued(state.nextID)
        }
        switch entry {
        case .admitted: return
        case .refused: throw Refusal.queueFull
        case let .queued(id):
            let deadline = Task { [weak self, maxWait = settings.maxWait] in
                try await Task.sleep(for: maxWait)
                self?.end(id, .expired)
            }
            defer { deadline.cancel() }
            if let connection {
                if !connections.waiting(id, on: connection) { end(id, .abandoned) }
            }
            defer { if let connection { connections.done(id, on: connection) } }
            let outcome = await withCheckedContinuation { continuation in
                let early: Outcome? = state.withLock { state in
                    state.arriving.remove(id)
                    if let ended = state.expiredEarly.removeValue(forKey: id) { return ended }
                    // The slot may have freed up between the check and here.
                    if state.running < settings.maxConcurrent, state.waiting.isEmpty {
                        state.running += 1
                        return .admitted
                    }
                    state.waiting.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let early { continuation.resume(returning: early) } else { report() }
            }
            switch outcome {
            case .admitted: return
            case .expired: throw Refusal.waitedTooLong
            case .abandoned: throw Refusal.abandoned
            }
        }
    }

    /// The client of `connection` hung up (its end of the stream closed): the
    /// request it has waiting leaves the queue without running, and so does
    /// any that comes to wait on it later. One that runs already runs to the end.
    func clientLeft(_ connection: ObjectIdentifier) {
        if let id = connections.clientLeft(connection) { end(id, .abandoned) }
    }

    /// `connection` is closed: as ``clientLeft(_:)``, and it is forgotten.
    func connectionClosed(_ connection: ObjectIdentifier) {
        if let id = connections.closed(connection) { end(id, .abandoned) }
    }

    /// Gives the slot to the longest waiting request, or frees it.
    private func release(heldFor duration: Duration) {
        let seconds = duration / .seconds(1)
        let next: Waiter? = state.withLock { state in
            state.averageSeconds = 0.9 * state.averageSeconds + 0.1 * seconds
            if !state.waiting.isEmpty { return state.waiting.removeFirst() }
            state.running -= 1
            return nil
        }
        next?.continuation.resume(returning: .admitted)
    }

    /// Ends the wait of `id` with `outcome` (expired or abandoned).
    private func end(_ id: UInt64, _ outcome: Outcome) {
        let ended: Waiter? = state.withLock { state in
            guard let index = state.waiting.firstIndex(where: { $0.id == id }) else {
                // Admitted already (nothing to do), or not queued yet.
                if state.arriving.contains(id), state.expiredEarly[id] == nil { state.expiredEarly[id] = outcome }
                return nil
            }
            return state.waiting.remove(at: index)
        }
        ended?.continuation.resume(returning: outcome)
        if ended != nil { report() }
    }
}
