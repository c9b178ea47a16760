import CSodium

/// SHA-256 (`crypto_hash_sha256`), one-shot and incremental.
public struct SHA256: Sendable {
    public static let byteCount = Int(crypto_hash_sha256_BYTES)

    private var state = crypto_hash_sha256_state()

    public init() {
        // Initialisation cannot fail once libsodium is ready; an unready
        // library would fail every later call too, so trap loudly here.
        precondition((try? Sodium.ensureInitialized()) != nil, "libsodium is unavailable")
        crypto_hash_sha256_init(&state)
    }

    public mutating func update(_ bytes: some Collection<UInt8>) {
        let done = bytes.withContiguousStorageIfAvailable { buffer in
            crypto_hash_sha256_update(&state, buffer.baseAddress, UInt64(buffer.count))
        }
        if done == nil {
            var array = Array(bytes)
            crypto_hash_sha256_update(&state, array, UInt64(array.count))
            SecureBytes.wipe(&array)  // the input may be key material
        }
    }

    public mutating func finalize() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Self.byteCount)
        crypto_hash_sha256_final(&state, &digest)
        return digest
    }

    public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }
}
