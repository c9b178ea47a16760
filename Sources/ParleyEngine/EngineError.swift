/// Errors of the engine. Messages name files, lines, keys and ids; they never
/// contain customer text or key material.
public enum EngineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A configuration, policy or bot file is wrong: where, which key, what.
    case configuration(file: String, line: Int?, key: String?, reason: String)
    /// Bad input from a client or a command line.
    case invalidInput(String)
    case notFound(String)
    case conflict(String)
    /// No trained model is available and none could be trained.
    case modelUnavailable(String)
    case keys(String)
    /// The store failed (database, keyring).
    case storage(String)
    /// A connector to the firm's systems failed.
    case integration(String)
    /// What was asked for existed once and was erased.
    case gone(String)
    /// The disk holding the data is full: nothing was stored.
    case storageFull(String)
    /// An idempotency key came back with another message than the one it was first sent with.
    case idempotencyKeyReused(String)

    public var description: String {
        switch self {
        case let .configuration(file, line, key, reason):
            var location = file
            if let line { location += ":\(line)" }
            if let key { return "\(location): key '\(key)': \(reason)" }
            return "\(location): \(reason)"
        case let .invalidInput(reason): return reason
        case let .notFound(what): return "\(what) not found"
        case let .conflict(reason): return reason
        case let .modelUnavailable(reason): return "no NLU model: \(reason)"
        case let .keys(reason): return reason
        case let .storage(reason): return reason
        case let .integration(reason): return reason
        case let .gone(reason): return reason
        case let .storageFull(reason): return reason
        case let .idempotencyKeyReused(reason): return reason
        }
    }
}
