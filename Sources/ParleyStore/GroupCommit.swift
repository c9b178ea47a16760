import GRDB
import Synchronization

/// Group commit for turns: write transactions submitted while another batch
/// is being committed wait, then commit together in ONE SQLite transaction,
/// so that many concurrent turns share one WAL fsync (synchronous=FULL)
/// instead of paying one each.
///
/// Each submitted transaction runs in its own savepoint: one that throws is
/// rolled back alone and its caller gets the error; the others commit. A
/// caller is resumed only after the batch's COMMIT returned, so a result
/// means "durable"; if the COMMIT itself fails, every caller in the batch gets
/// the error and nothing of the batch is stored. Batches form by themselves
/// (whatever arrived during the previous commit), never by waiting on a timer.
final class GroupCommit: Sendable {
    typealias Work = @Sendable (Database) throws -> any Sendable

    private struct Pending: Sendable {
        let work: Work
        let continuation: CheckedContinuation<any Sendable, any Error>
    }

    private struct State {
        var pending: [Pending] = []
        var draining = false
        var transactions = 0
        var commits = 0
    }

    /// At most this many turns in one transaction, so a long queue does not make one huge batch.
    static let maximumBatch = 128

    private let writer: any DatabaseWriter
    private let state = Mutex(State())

    init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Runs `work` inside a batch; returns once its batch is committed.
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let result = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<any Sendable, any Error>) in
            let startDrain = state.withLock { state -> Bool in
                state.pending.append(Pending(work: { db in try work(db) }, continuation: continuation))
                guard !state.draining else { return false }
                state.draining = true
                return true
            }
            if startDrain { Task { await self.drain() } }
        }
        guard let value = result as? T else { preconditionFailure("a group commit returned another type than its work") }
        return value
    }

    /// Transactions and turn writes committed so far (for tests and benchmarks).
    var counts: (transactions: Int, commits: Int) {
        state.withLock { ($0.transactions, $0.commits) }
    }

    private func drain() async {
        while true {
            let batch = state.withLock { state -> [Pending] in
                let taken = Array(state.pending.prefix(Self.maximumBatch))
                state.pending.removeFirst(taken.count)
                if taken.isEmpty { state.draining = false }
                return taken
            }
            guard !batch.isEmpty else { return }
            do {
                let results = try await writer.write { db -> [Result<any Sendable, any Error>] in
                    var results: [Result<any Sendable, any Error>] = []
                    for pending in batch {
                        // An error that made SQLite roll back the whole transaction (a full
                        // disk, an I/O error) must fail the whole batch: the next savepoint
                        // would otherwise start and commit a transaction of its own.
                        guard db.isInsideTransaction else { throw GroupCommitAborted() }
                        results.append(Result {
                            var value: (any Sendable)?
                            try db.inSavepoint {
                                value = try pending.work(db)
                                return .commit
                            }
                            guard let value else { throw GroupCommitAborted() }
                            return value
                        })
                    }
                    guard db.isInsideTransaction else { throw GroupCommitAborted() }
                    return results
                }
                state.withLock {
                    $0.transactions += 1
                    $0.commits += batch.count
                }
                for (pending, result) in zip(batch, results) { pending.continuation.resume(with: result) }
            } catch {
                for pending in batch { pending.continuation.resume(throwing: error) }
            }
        }
    }
}

/// The batch's transaction ended before its COMMIT (SQLite rolled it back):
/// nothing of the batch is stored.
struct GroupCommitAborted: Error, CustomStringConvertible {
    var description: String { "the write was rolled back with the others committed beside it; nothing of it is stored" }
}
