/// Errors of the encoder module. Messages name files and what is wrong with
/// them, never the text being encoded.
public enum EncoderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An encoder file that is missing, unreadable, not an encoder file, truncated, corrupt or inconsistent.
    case invalidEncoderFile(path: String, reason: String)
    /// A kernel this CPU cannot run was asked for.
    case unsupportedKernel(String)

    public var description: String {
        switch self {
        case let .invalidEncoderFile(path, reason): "\(path): not a usable Parley encoder file: \(reason)"
        case let .unsupportedKernel(name): "the \(name) kernel cannot run on this CPU"
        }
    }
}
