import CSodium

/// Unkeyed BLAKE2b (`crypto_generichash` without a key), for checksums that
/// formats define over it, such as Substrate's SS58 addresses (BLAKE2b-512).
/// For a pseudonymous token under a deployment key use ``KeyedHash``.
public enum BLAKE2b {
    /// The longest digest BLAKE2b gives, 64 bytes (BLAKE2b-512).
    public static let maximumByteCount = Int(crypto_generichash_BYTES_MAX)

    /// The BLAKE2b digest of `message`, `outputByteCount` bytes long (16…64).
    /// - Throws: ``CryptoError/invalidLength(what:expected:actual:)`` for a
    ///   length outside 16…64, ``CryptoError/operationFailed(_:)`` if libsodium fails.
    public static func hash(
        _ message: some Collection<UInt8>,
        outputByteCount: Int = maximumByteCount
    ) throws(CryptoError) -> [UInt8] {
        try Sodium.ensureInitialized()
        let range = Int(crypto_generichash_BYTES_MIN)...maximumByteCount
        guard range.contains(outputByteCount) else {
            throw .invalidLength(what: "digest", expected: maximumByteCount, actual: outputByteCount)
        }
        let input = Array(message)
        var digest = [UInt8](repeating: 0, count: outputByteCount)
        let rc = crypto_generichash(&digest, digest.count, input, UInt64(input.count), nil, 0)
        guard rc == 0 else { throw .operationFailed("hash") }
        return digest
    }
}
