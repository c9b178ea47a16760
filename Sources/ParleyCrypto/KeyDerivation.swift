import CSodium

/// Subkeys from a master key with libsodium's `crypto_kdf` (BLAKE2b based):
/// each purpose has its own 8-byte context and id, so the database key, the
/// audit signing seed and the wrapping key are independent.
public struct KeyDerivationContext: Sendable, Hashable {
    /// Exactly eight ASCII characters.
    public let context: String
    public let subkeyID: UInt64

    public init(context: String, subkeyID: UInt64) {
        precondition(context.utf8.count == Int(crypto_kdf_CONTEXTBYTES), "KDF context must be 8 bytes")
        self.context = context
        self.subkeyID = subkeyID
    }
}

extension SymmetricKey {
    /// Derives the 32-byte subkey for `purpose`.
    public func derive(_ purpose: KeyDerivationContext) throws(CryptoError) -> SymmetricKey {
        try Sodium.ensureInitialized()
        let context = Array(purpose.context.utf8).map { CChar(bitPattern: $0) }
        var failure = false
        let subkey = try SecureBytes(count: SymmetricKey.byteCount) { out in
            let rc = bytes.withUnsafeBytes { master in
                crypto_kdf_derive_from_key(
                    out.baseAddress!.assumingMemoryBound(to: UInt8.self), out.count,
                    purpose.subkeyID, context,
                    master.baseAddress!.assumingMemoryBound(to: UInt8.self)
                )
            }
            failure = rc != 0
        }
        guard !failure else { throw .operationFailed("key derivation") }
        return try SymmetricKey(subkey)
    }
}
