/// The keys Parley derives from its master key with `crypto_kdf`, each under
/// its own context, so that none can be computed from another:
///
/// | key | context | id |
/// | --- | --- | --- |
/// | main database pages | `parly-db` | 1 |
/// | subject keyring database pages | `parly-db` | 2 |
/// | wrapping key for per-customer keys | `parly-wr` | 1 |
/// | audit signing seed (Ed25519) | `parly-au` | 1 |
/// | keyed hash of PII tokens | `parly-pi` | 1 |
/// | public key identifier | `parly-id` | 1 |
public struct KeyHierarchy: Sendable {
    public let databaseKey: SymmetricKey
    public let keyringDatabaseKey: SymmetricKey
    public let wrappingKey: SymmetricKey
    public let auditSigningSeed: SymmetricKey
    public let piiHashKey: SymmetricKey
    /// A public, stable identifier of the master key (16 hex digits); safe to log.
    public let keyID: String

    public init(master: SymmetricKey) throws(CryptoError) {
        databaseKey = try master.derive(KeyDerivationContext(context: "parly-db", subkeyID: 1))
        keyringDatabaseKey = try master.derive(KeyDerivationContext(context: "parly-db", subkeyID: 2))
        wrappingKey = try master.derive(KeyDerivationContext(context: "parly-wr", subkeyID: 1))
        auditSigningSeed = try master.derive(KeyDerivationContext(context: "parly-au", subkeyID: 1))
        piiHashKey = try master.derive(KeyDerivationContext(context: "parly-pi", subkeyID: 1))
        let identifier = try master.derive(KeyDerivationContext(context: "parly-id", subkeyID: 1))
        keyID = identifier.bytes.withUnsafeBytes { Hex.encode(SHA256.hash($0).prefix(8)) }
    }
}
