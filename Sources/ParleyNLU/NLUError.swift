/// Errors of the NLU module. Messages name files, lines and intents, never the
/// text of a customer message.
public enum NLUError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidHyperParameter(String)
    case notEnoughTrainingData(String)
    /// Bad training data: where (file and line when known) and what.
    case invalidTrainingData(location: String, reason: String)
    /// A model file that is not a Parley model, is truncated or corrupt, or has an unsupported version.
    case invalidModelFile(path: String, reason: String)
    case invalidPattern(entity: String, reason: String)
    /// An evaluation report file or directory that could not be written.
    case reportNotWritten(path: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidHyperParameter(reason):
            "invalid hyper-parameter: \(reason)"
        case let .notEnoughTrainingData(reason):
            "not enough training data: \(reason)"
        case let .invalidTrainingData(location, reason):
            "\(location): \(reason)"
        case let .invalidModelFile(path, reason):
            "\(path): not a usable Parley model: \(reason)"
        case let .invalidPattern(entity, reason):
            "regular expression for entity '\(entity)' is invalid: \(reason)"
        case let .reportNotWritten(path, reason):
            "\(path): the report could not be written: \(reason)"
        }
    }
}
