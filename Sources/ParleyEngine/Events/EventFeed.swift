import Foundation
import Synchronization

/// The engine's in-process event feed: the pipeline and the agents'
/// operations publish, the console's event streams subscribe. Every event
/// gets the next number of this feed; the most recent `capacity` are kept, so
/// that a subscriber that reconnects after a gap receives what it missed. A
/// number from another feed (another process, before a restart) or older
/// than what is kept cannot be replayed, and the subscriber is told so.
public final class EventFeed: Sendable {
    public struct Numbered: Sendable, Hashable {
        public let id: UInt64
        public let event: EngineEvent
    }

    /// Where a subscription starts.
    public enum Replay: Sendable, Hashable {
        /// Everything after the number given, in order (possibly nothing).
        case events([Numbered])
        /// The gap cannot be filled: reload the state, then follow the stream.
        case reload
    }

    public struct Subscription: Sendable {
        public let replay: Replay
        /// Events published after the subscription; ends when the subscriber fell
        /// too far behind (it then reconnects and replays) or after ``EventFeed/end(_:)``.
        public let events: AsyncStream<Numbered>
        let token: UInt64
        /// The number of the newest event when subscribing (0 when none yet).
        public let newest: UInt64
    }

    private struct State {
        var next: UInt64 = 1
        var recent: [Numbered] = []
        var start = 0
        var subscribers: [UInt64: AsyncStream<Numbered>.Continuation] = [:]
        var nextToken: UInt64 = 1

        var ordered: ArraySlice<Numbered> { recent[start...] }
    }

    /// Tells this feed's numbers from another's (a restart begins a new feed).
    public let epoch: String
    public let capacity: Int
    /// Events buffered for one subscriber before it counts as too slow.
    public let subscriberBuffer: Int
    private let state = Mutex(State())

    public init(capacity: Int = 2048, subscriberBuffer: Int = 512) {
        precondition(capacity > 0 && subscriberBuffer > 0, "an event feed keeps at least one event")
        self.capacity = capacity
        self.subscriberBuffer = subscriberBuffer
        var generator = SystemRandomNumberGenerator()
        epoch = String(generator.next() & 0xFFFF_FFFF_FFFF, radix: 16)
    }

    public func publish(_ event: EngineEvent) {
        // Finished outside the lock: a stream's termination handler takes it.
        let tooSlow = state.withLock { state -> [AsyncStream<Numbered>.Continuation] in
            let numbered = Numbered(id: state.next, event: event)
            state.next += 1
            state.recent.append(numbered)
            if state.recent.count - state.start > capacity { state.start += 1 }
            // Compact once the dropped prefix is as large as what is kept.
            if state.start >= capacity {
                state.recent.removeFirst(state.start)
                state.start = 0
            }
            var tooSlow: [AsyncStream<Numbered>.Continuation] = []
            for (token, continuation) in state.subscribers {
                if case .dropped = continuation.yield(numbered) {
                    tooSlow.append(continuation)
                    state.subscribers[token] = nil
                }
            }
            return tooSlow
        }
        for continuation in tooSlow { continuation.finish() }
    }

    /// Subscribes; `after` is the number of the last event the subscriber has
    /// (nil: none, start from now). Replay and stream meet without a gap or a repeat.
    public func subscribe(after: UInt64?) -> Subscription {
        let (stream, continuation) = AsyncStream.makeStream(of: Numbered.self, bufferingPolicy: .bufferingOldest(subscriberBuffer))
        return state.withLock { state in
            let newest = state.next - 1
            let replay: Replay
            if let after {
                let oldestKept = state.ordered.first?.id ?? state.next
                if after > newest || after + 1 < oldestKept {
                    replay = .reload
                } else {
                    replay = .events(Array(state.ordered.filter { $0.id > after }))
                }
            } else {
                replay = .events([])
            }
            let token = state.nextToken
            state.nextToken += 1
            state.subscribers[token] = continuation
            continuation.onTermination = { [weak self] _ in self?.remove(token) }
            return Subscription(replay: replay, events: stream, token: token, newest: newest)
        }
    }

    /// Ends a subscription's stream.
    public func end(_ subscription: Subscription) {
        let continuation = state.withLock { $0.subscribers.removeValue(forKey: subscription.token) }
        continuation?.finish()
    }

    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    private func remove(_ token: UInt64) {
        _ = state.withLock { $0.subscribers.removeValue(forKey: token) }
    }
}
