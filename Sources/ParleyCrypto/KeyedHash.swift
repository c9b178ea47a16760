import CSodium

/// Keyed BLAKE2b (`crypto_generichash`): a pseudonymous, stable, non-reversible
/// token for a value under a deployment key.
public enum KeyedHash {
    public static func blake2b(
        _ message: some Collection<UInt8>,
        key: SymmetricKey,
        outputByteCount: Int = 32
    ) throws(CryptoError) -> [UInt8] {
        try Sodium.ensureInitialized()
        let range = Int(crypto_generichash_BYTES_MIN)...Int(crypto_generichash_BYTES_MAX)
        guard range.contains(outputByteCount) else {
            throw .invalidLength(what: "digest", expected: 32, actual: outputByteCount)
        }
        let input = Array(message)
        var digest = [UInt8](repeating: 0, count: outputByteCount)
        let rc = key.bytes.withUnsafeBytes { keyBuffer in
            crypto_generichash(
                &digest, digest.count,
                input, UInt64(input.count),
                keyBuffer.baseAddress!.assumingMemoryBound(to: UInt8.self), keyBuffer.count
            )
        }
        guard rc == 0 else { throw .operationFailed("keyed hash") }
        return digest
    }
}
