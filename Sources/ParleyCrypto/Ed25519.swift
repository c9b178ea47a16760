import CSodium

/// Ed25519 signatures (`crypto_sign_*`), for audit checkpoints.
public enum Ed25519 {
    public static let publicKeyByteCount = Int(crypto_sign_PUBLICKEYBYTES)
    public static let signatureByteCount = Int(crypto_sign_BYTES)
    public static let seedByteCount = Int(crypto_sign_SEEDBYTES)

    /// A signing key pair; the secret half lives in secure memory.
    public struct SigningKey: Sendable, CustomStringConvertible {
        public let publicKey: [UInt8]
        private let secretKey: SecureBytes

        /// Deterministic key pair from a 32-byte seed (derived from the master key).
        public init(seed: SymmetricKey) throws(CryptoError) {
            try Sodium.ensureInitialized()
            var publicKey = [UInt8](repeating: 0, count: Ed25519.publicKeyByteCount)
            var failure = false
            secretKey = try SecureBytes(count: Int(crypto_sign_SECRETKEYBYTES)) { out in
                let rc = seed.bytes.withUnsafeBytes { seedBuffer in
                    crypto_sign_seed_keypair(
                        &publicKey,
                        out.baseAddress!.assumingMemoryBound(to: UInt8.self),
                        seedBuffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
                    )
                }
                failure = rc != 0
            }
            guard !failure else { throw .operationFailed("ed25519 key generation") }
            self.publicKey = publicKey
        }

        public func signature(for message: some Collection<UInt8>) throws(CryptoError) -> [UInt8] {
            let input = Array(message)
            var signature = [UInt8](repeating: 0, count: Ed25519.signatureByteCount)
            let rc = secretKey.withUnsafeBytes { secret in
                crypto_sign_detached(
                    &signature, nil, input, UInt64(input.count),
                    secret.baseAddress!.assumingMemoryBound(to: UInt8.self)
                )
            }
            guard rc == 0 else { throw .operationFailed("ed25519 signing") }
            return signature
        }

        public var description: String { "Ed25519.SigningKey(redacted)" }
    }

    /// True when `signature` is a valid signature of `message` under `publicKey`.
    public static func isValidSignature(
        _ signature: [UInt8],
        for message: some Collection<UInt8>,
        publicKey: [UInt8]
    ) -> Bool {
        guard (try? Sodium.ensureInitialized()) != nil,
              signature.count == signatureByteCount,
              publicKey.count == publicKeyByteCount
        else { return false }
        let input = Array(message)
        return crypto_sign_verify_detached(signature, input, UInt64(input.count), publicKey) == 0
    }
}
