/// Errors of the learning loop. Messages name intents, versions and settings;
/// never customer text.
public enum LearningError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidSettings(String)
    /// A conversation test file is wrong: where, what.
    case conversationTests(file: String, reason: String)
    case hashing(String)

    public var description: String {
        switch self {
        case let .invalidSettings(reason): reason
        case let .conversationTests(file, reason): "\(file): \(reason)"
        case let .hashing(reason): "the review queue's text key could not be computed: \(reason)"
        }
    }
}
