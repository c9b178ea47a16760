import CSodium

/// A key stretched from a passphrase with Argon2id (`crypto_pwhash`).
public enum PasswordKey {
    public static let saltByteCount = Int(crypto_pwhash_SALTBYTES)

    /// Cost parameters; stored beside the salt so a key can be re-derived.
    public struct Limits: Sendable, Hashable, Codable {
        public var opsLimit: UInt64
        public var memLimit: Int

        /// libsodium's "moderate" limits: 3 passes, 256 MiB.
        public static let moderate = Limits(
            opsLimit: UInt64(crypto_pwhash_OPSLIMIT_MODERATE),
            memLimit: Int(crypto_pwhash_MEMLIMIT_MODERATE)
        )
        /// The smallest limits libsodium accepts; for tests only.
        public static let minimum = Limits(
            opsLimit: UInt64(crypto_pwhash_OPSLIMIT_MIN),
            memLimit: Int(crypto_pwhash_MEMLIMIT_MIN)
        )
    }

    public static func derive(
        passphrase: SecureBytes,
        salt: [UInt8],
        limits: Limits = .moderate
    ) throws(CryptoError) -> SymmetricKey {
        try Sodium.ensureInitialized()
        guard salt.count == saltByteCount else {
            throw .invalidLength(what: "salt", expected: saltByteCount, actual: salt.count)
        }
        var failure = false
        let key = try SecureBytes(count: SymmetricKey.byteCount) { out in
            let rc = passphrase.withUnsafeBytes { pass in
                crypto_pwhash(
                    out.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(out.count),
                    pass.baseAddress!.assumingMemoryBound(to: CChar.self), UInt64(pass.count),
                    salt, limits.opsLimit, limits.memLimit,
                    crypto_pwhash_ALG_ARGON2ID13
                )
            }
            failure = rc != 0
        }
        guard !failure else { throw .passwordHashingFailed }
        return try SymmetricKey(key)
    }
}
