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
    }

    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var running = 0
        /// Oldest first; at most `maxQueued`, so removing from the front is cheap.
        var waiting: [Waiter] = []
        var nextID: UInt64 = 0
        /// Waiters between the first check and joining `waiting`, and those
        /// of them whose deadline passed meanwhile.
        var arriving: Set<UInt64> = []
        var expiredEarly: Set<UInt64> = []
        /// Moving average of the time a request holds its slot, for `Retry-After`.
        var averageSeconds = 0.05
    }

    let settings: Settings
    private let state = Mutex(State())
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

    /// Runs `body` when a slot is free; throws ``Refusal`` without running it otherwise.
    func run<T>(_ body: () async throws -> T) async throws -> T {
        try await acquire()
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

    private func acquire() async throws {
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
                self?.expire(id)
            }
            defer { deadline.cancel() }
            let admitted = await withCheckedContinuation { continuation in
                let outcome: Bool? = state.withLock { state in
                    state.arriving.remove(id)
                    if state.expiredEarly.remove(id) != nil { return false }
                    // The slot may have freed up between the check and here.
                    if state.running < settings.maxConcurrent, state.waiting.isEmpty {
                        state.running += 1
                        return true
                    }
                    state.waiting.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let outcome { continuation.resume(returning: outcome) } else { report() }
            }
            guard admitted else { throw Refusal.waitedTooLong }
        }
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
        next?.continuation.resume(returning: true)
    }

    private func expire(_ id: UInt64) {
        let expired: Waiter? = state.withLock { state in
            guard let index = state.waiting.firstIndex(where: { $0.id == id }) else {
                // Admitted already (nothing to do), or not queued yet.
                if state.arriving.contains(id) { state.expiredEarly.insert(id) }
                return nil
            }
            return state.waiting.remove(at: index)
        }
        expired?.continuation.resume(returning: false)
        if expired != nil { report() }
    }
}
