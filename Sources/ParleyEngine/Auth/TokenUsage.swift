import Foundation
import Synchronization

/// When each token was last noted as used, so that `last_used_at` costs a
/// database write at most once per `resolution` per token, not one per request.
final class TokenUsage: Sendable {
    static let resolution: TimeInterval = 60

    private let noted = Mutex<[String: Date]>([:])

    /// Whether a use of `tokenID` at `time` should be written; if so, it is
    /// taken as written (a failed write is reported by the caller).
    func shouldRecord(_ tokenID: String, at time: Date) -> Bool {
        noted.withLock { noted in
            if let last = noted[tokenID], time.timeIntervalSince(last) < Self.resolution, time >= last { return false }
            noted[tokenID] = time
            return true
        }
    }

    /// A write that failed: the next use is noted again.
    func forget(_ tokenID: String) {
        noted.withLock { _ = $0.removeValue(forKey: tokenID) }
    }
}
