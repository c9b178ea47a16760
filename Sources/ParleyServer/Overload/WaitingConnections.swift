import Synchronization

/// Which connection each waiting turn came on, so that a client who hangs up
/// takes its turn out of the ``AdmissionQueue``: abandoned requests would
/// otherwise hold the places of clients still waiting, and run with nobody
/// to answer. The connection's ``OverloadShedder`` reports the hang-up (the
/// client's end of the stream closed, or the connection). An HTTP/1.1
/// connection has one request in the queue at most. Entries exist while a
/// turn waits, or from a hang-up until the connection is gone, so memory is
/// bounded by the open connections.
final class WaitingConnections: Sendable {
    private struct Entry {
        /// The request waiting now, if any.
        var waiting: UInt64?
        /// The client has hung up; anything that comes to wait is abandoned at once.
        var left = false
    }

    private let entries = Mutex<[ObjectIdentifier: Entry]>([:])

    /// Request `id` of `connection` waits. False when that client has hung up
    /// already, so the request is to be abandoned at once.
    func waiting(_ id: UInt64, on connection: ObjectIdentifier) -> Bool {
        entries.withLock { entries in
            if entries[connection]?.left == true { return false }
            entries[connection] = Entry(waiting: id)
            return true
        }
    }

    /// Request `id` of `connection` waits no more (it runs, or was refused).
    func done(_ id: UInt64, on connection: ObjectIdentifier) {
        entries.withLock { entries in
            guard let entry = entries[connection], entry.waiting == id else { return }
            if entry.left { entries[connection]?.waiting = nil } else { entries[connection] = nil }
        }
    }

    /// The client of `connection` hung up: the request it has waiting, if any.
    func clientLeft(_ connection: ObjectIdentifier) -> UInt64? {
        entries.withLock { entries in
            let waiting = entries[connection]?.waiting
            entries[connection] = Entry(waiting: nil, left: true)
            return waiting
        }
    }

    /// `connection` is closed: the request it has waiting, if any.
    func closed(_ connection: ObjectIdentifier) -> UInt64? {
        entries.withLock { $0.removeValue(forKey: connection)?.waiting }
    }

    /// Connections with an entry now (for tests).
    var count: Int { entries.withLock { $0.count } }
}
