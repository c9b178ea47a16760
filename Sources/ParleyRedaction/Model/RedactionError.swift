/// The one error type of the redaction module.
///
/// Messages name policy keys, policy values and line numbers, never customer text.
public enum RedactionError: Error, Sendable, Equatable {
    /// A policy key that the policy format does not define (for example a typo).
    case unknownPolicyKey(path: String)
    /// A policy value that is out of range or of the wrong kind.
    case invalidPolicyValue(path: String, reason: String)
    /// The policy asks for `hash` on an entity type but no `PIIHasher` was given.
    case hasherRequired(type: PIIEntityType)
    /// A line of an evaluation corpus could not be read.
    case invalidCorpusLine(line: Int, reason: String)
}

extension RedactionError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unknownPolicyKey(let path):
            return "unknown redaction policy key '\(path)'"
        case .invalidPolicyValue(let path, let reason):
            return "invalid redaction policy value at '\(path)': \(reason)"
        case .hasherRequired(let type):
            return "redaction policy uses the hash operator for \(type.rawValue) but no hasher was provided"
        case .invalidCorpusLine(let line, let reason):
            return "invalid evaluation corpus line \(line): \(reason)"
        }
    }
}
