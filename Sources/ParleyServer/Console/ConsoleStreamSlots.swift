import Synchronization

/// How many event streams each console session holds open. A page needs one
/// (two for a moment while it reconnects, one more for a second tab); a client that opens more is
/// refused, so that one cookie cannot hold hundreds of connections, tasks and
/// heartbeat reads that the customer API shares.
final class ConsoleStreamSlots: Sendable {
    let perSession: Int
    private let open = Mutex([String: Int]())

    init(perSession: Int = 4) {
        precondition(perSession > 0, "a session may hold at least one stream")
        self.perSession = perSession
    }

    /// Takes a slot for `session`; false when it holds `perSession` already.
    func take(_ session: String) -> Bool {
        open.withLock { open in
            let held = open[session, default: 0]
            guard held < perSession else { return false }
            open[session] = held + 1
            return true
        }
    }

    func release(_ session: String) {
        open.withLock { open in
            let held = open[session, default: 0]
            open[session] = held > 1 ? held - 1 : nil
        }
    }

    /// Streams open for `session` now.
    func held(by session: String) -> Int {
        open.withLock { $0[session, default: 0] }
    }
}
