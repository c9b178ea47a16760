import CParleyKernels
import Foundation

/// How many threads one forward pass may use. A pass takes the process's
/// small pool of helper threads (`parley_pool.h`: one fewer than the usable
/// cores, at most three) only when it is idle: a pass that finds it held by
/// another runs on its own thread, without waiting. Split or not, a pass's
/// embeddings are bit for bit the same.
public enum EncoderThreads: Sendable, Hashable, CustomStringConvertible {
    /// Every worker the pool has (the calling thread and its helpers).
    case automatic
    /// At most this many threads, the calling one included (1: never split).
    case count(Int)

    /// Workers a pooled pass can have on this host (starts the helpers if need be).
    public static var available: Int { Int(pk_pool_workers()) }

    /// Jobs a helper has joined since the process started (for benchmarks and tests).
    public static var helperJoins: UInt64 { UInt64(pk_pool_helper_joins()) }

    /// `auto` or a count of 1 to 64.
    public init?(parsing text: String) {
        if text == "auto" {
            self = .automatic
        } else if let count = Int(text), (1...64).contains(count) {
            self = .count(count)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .automatic: "auto"
        case let .count(count): "\(count)"
        }
    }

    /// The most workers a pass asks the pool for.
    var limit: Int {
        switch self {
        case .automatic: Int(PK_POOL_MAX_WORKERS)
        case let .count(count): max(count, 1)
        }
    }

    /// Stops and joins the helper threads (they start again on the next pooled
    /// pass). Not needed before exit: asleep, they hold nothing. False while a
    /// pass holds the pool.
    @discardableResult
    public static func shutdown() -> Bool {
        let rc = pk_pool_shutdown()
        precondition(rc == 0 || rc == EBUSY, "joining the encoder's helper threads failed (\(rc))")
        return rc == 0
    }
}
