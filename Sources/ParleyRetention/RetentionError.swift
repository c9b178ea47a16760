/// Errors of retention, legal holds, erasure and access requests. Messages
/// carry ids, rule names and counts, never customer text.
public enum RetentionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A rule that cannot apply as written (checked when the policy is built).
    case invalidRule(rule: String, key: String, reason: String)
    case invalidRequest(String)
    case notFound(String)
    case conflict(String)
    /// The customer was erased: nothing of theirs can be exported.
    case erased(String)
    case storage(String)
    case audit(String)

    public var description: String {
        switch self {
        case let .invalidRule(rule, key, reason): "rule '\(rule)', key '\(key)': \(reason)"
        case let .invalidRequest(reason): reason
        case let .notFound(what): "\(what) not found"
        case let .conflict(reason): reason
        case let .erased(what): "\(what) was erased; nothing of theirs is held"
        case let .storage(reason): "storage: \(reason)"
        case let .audit(reason): "audit: \(reason)"
        }
    }
}
