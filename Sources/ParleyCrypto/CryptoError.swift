/// Errors of the crypto module. None of them ever carries key material or
/// plaintext: a failed decryption or verification is the one
/// ``authenticationFailure`` whatever the cause.
public enum CryptoError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libsodium could not be initialised.
    case libraryUnavailable
    /// Decryption or verification failed: wrong key, changed bytes, wrong associated data.
    case authenticationFailure
    /// A key, nonce or seed had the wrong length.
    case invalidLength(what: String, expected: Int, actual: Int)
    /// Secure memory could not be allocated (sodium_malloc failed).
    case secureMemoryUnavailable
    /// Password hashing failed, usually because the machine lacks the memory the limits ask for.
    case passwordHashingFailed
    /// A libsodium call returned an unexpected error code.
    case operationFailed(String)

    public var description: String {
        switch self {
        case .libraryUnavailable:
            "libsodium could not be initialised"
        case .authenticationFailure:
            "authentication failed"
        case let .invalidLength(what, expected, actual):
            "\(what) must be \(expected) bytes, got \(actual)"
        case .secureMemoryUnavailable:
            "secure memory could not be allocated"
        case .passwordHashingFailed:
            "password hashing failed (not enough memory for the Argon2id limits?)"
        case let .operationFailed(operation):
            "\(operation) failed"
        }
    }
}
