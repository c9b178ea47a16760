import Foundation
import ParleyCrypto
#if canImport(Glibc)
import Glibc
#endif

/// The keys directory: `master.key` (32 random bytes, mode 0600) and
/// `master.json` (its public description). The directory must be 0700 and
/// both must belong to the user running Parley, or nothing starts.
///
/// The master key comes from, in this order: a systemd credential named
/// `parley-master-key` (`LoadCredential=` / `LoadCredentialEncrypted=`), a
/// passphrase stretched with Argon2id when `master.json` says so (from a
/// passphrase file or the terminal), or `master.key`.
public struct KeyDirectory: Sendable {
    public let url: URL
    public var sources = MasterKeySources()

    public static let credentialName = "parley-master-key"

    public static let masterKeyFile = "master.key"
    public static let descriptionFile = "master.json"

    public init(url: URL, sources: MasterKeySources = MasterKeySources()) {
        self.url = url
        self.sources = sources
    }

    public var masterKeyURL: URL { url.appendingPathComponent(Self.masterKeyFile) }
    public var descriptionURL: URL { url.appendingPathComponent(Self.descriptionFile) }

    /// True when a master key is configured: a key file, a passphrase description, or a systemd credential.
    public var hasMasterKey: Bool {
        FileManager.default.fileExists(atPath: masterKeyURL.path)
            || FileManager.default.fileExists(atPath: descriptionURL.path)
            || credentialURL.map { FileManager.default.fileExists(atPath: $0.path) } == true
    }

    var credentialURL: URL? { sources.credentialsDirectory?.appendingPathComponent(Self.credentialName) }

    /// True when the master key comes from the systemd credential (which takes precedence).
    public var usesCredential: Bool {
        credentialURL.map { FileManager.default.fileExists(atPath: $0.path) } == true
    }

    /// Creates the directory (0700) and a new master key: random in
    /// `master.key` (0600), or stretched from `passphrase` with Argon2id
    /// (only the salt and limits are stored). Refuses to replace a key.
    @discardableResult
    public func initialize(passphrase: SecureBytes? = nil, limits: PasswordKey.Limits = .moderate, now: Date = Date()) throws(EngineError) -> MasterKeyDescription {
        guard !FileManager.default.fileExists(atPath: masterKeyURL.path), !FileManager.default.fileExists(atPath: descriptionURL.path) else {
            throw .keys("a master key already exists in \(url.path); refusing to replace it (use 'parley keys rotate')")
        }
        try createDirectory()
        let description: MasterKeyDescription
        if let passphrase {
            let salt: [UInt8]
            let key: SymmetricKey
            do {
                salt = try RandomBytes.generate(count: PasswordKey.saltByteCount)
                key = try PasswordKey.derive(passphrase: passphrase, salt: salt, limits: limits)
            } catch { throw .keys(error.description) }
            description = try MasterKeyDescription(key: key, createdAt: now, source: "passphrase", salt: salt, limits: limits)
        } else {
            let key: SymmetricKey
            do { key = try SymmetricKey.random() } catch { throw .keys(error.description) }
            try key.bytes.withUnsafeBytes { raw throws(EngineError) in
                try SecretFile.write(raw, to: masterKeyURL)
            }
            description = try MasterKeyDescription(key: key, createdAt: now, source: "file")
        }
        try description.write(to: descriptionURL)
        return description
    }

    /// Loads the master key after checking ownership and permissions.
    public func loadMasterKey() throws(EngineError) -> SymmetricKey {
        if let credential = credentialURL, FileManager.default.fileExists(atPath: credential.path) {
            return try SecretFile.readKey(credential)
        }
        guard hasMasterKey else {
            throw .keys("no master key at \(masterKeyURL.path); create one with 'parley keys init'")
        }
        try FilePermissions.requirePrivate(url, isDirectory: true)
        let description = try self.description()
        if description?.source == "passphrase", let description {
            return try Self.key(of: description, passphrase: sources.passphrase())
        }
        try FilePermissions.requirePrivate(masterKeyURL, isDirectory: false)
        return try SecretFile.readKey(masterKeyURL)
    }

    /// The key a passphrase description stands for, stretched from
    /// `passphrase`; a passphrase that gives another key is refused.
    public static func key(of description: MasterKeyDescription, passphrase: SecureBytes) throws(EngineError) -> SymmetricKey {
        guard description.source == "passphrase", let salt = description.salt else {
            throw .keys("master key \(description.keyID) is not protected by a passphrase")
        }
        let key: SymmetricKey
        do {
            key = try PasswordKey.derive(passphrase: passphrase, salt: salt, limits: description.limits ?? .moderate)
        } catch { throw .keys(error.description) }
        guard (try? KeyHierarchy(master: key).keyID) == description.keyID else {
            throw .keys("the passphrase is wrong: it does not give master key \(description.keyID)")
        }
        return key
    }

    /// Reads a raw 32-byte key file (a retired master key, say) after the same permission checks.
    public static func readKeyFile(_ url: URL) throws(EngineError) -> SymmetricKey {
        try FilePermissions.requirePrivate(url, isDirectory: false)
        return try SecretFile.readKey(url)
    }

    /// A retired master key: `retired/<id>.key` (a key kept in a file), or
    /// `retired/<id>.json` (a passphrase key: its description only, so the
    /// old passphrase is asked for through `passphrase`).
    public static func readRetiredKey(_ url: URL, passphrase: () throws(EngineError) -> SecureBytes) throws(EngineError) -> SymmetricKey {
        guard url.pathExtension == "json" else { return try readKeyFile(url) }
        guard let description = try MasterKeyDescription.read(from: url) else {
            throw .keys("no key description at \(url.path)")
        }
        return try key(of: description, passphrase: passphrase())
    }

    public func description() throws(EngineError) -> MasterKeyDescription? {
        try MasterKeyDescription.read(from: descriptionURL)
    }

    func createDirectory() throws(EngineError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: url.path)
        } catch {
            throw .keys("cannot create the keys directory \(url.path)")
        }
    }
}

/// The public facts about a master key, kept beside it; no secret.
public struct MasterKeyDescription: Sendable, Codable, Hashable {
    public var keyID: String
    public var createdAt: Date
    /// `file` or `passphrase`.
    public var source: String
    public var algorithms: [String: String]
    /// Argon2id salt (hex in the file) and limits of a passphrase key.
    var saltHex: String?
    var limits: PasswordKey.Limits?

    var salt: [UInt8]? { saltHex.flatMap(Hex.decode) }

    enum CodingKeys: String, CodingKey {
        case keyID = "key_id", createdAt = "created_at", source, algorithms, saltHex = "argon2id_salt", limits = "argon2id_limits"
    }

    init(key: SymmetricKey, createdAt: Date, source: String, salt: [UInt8]? = nil, limits: PasswordKey.Limits? = nil) throws(EngineError) {
        saltHex = salt.map(Hex.encode)
        self.limits = limits
        do { keyID = try KeyHierarchy(master: key).keyID } catch { throw .keys(error.description) }
        self.createdAt = createdAt
        self.source = source
        algorithms = Self.algorithms(passphrase: source == "passphrase")
    }

    /// The algorithms under a master key (never a secret).
    public static func algorithms(passphrase: Bool) -> [String: String] {
        var algorithms = [
            "subkeys": "crypto_kdf (BLAKE2b)",
            "database_pages": "XChaCha20-Poly1305",
            "customer_fields": "XChaCha20-Poly1305 under per-subject keys",
            "key_wrapping": "XChaCha20-Poly1305",
            "audit_signatures": "Ed25519",
        ]
        if passphrase { algorithms["master_key"] = "Argon2id (crypto_pwhash) from a passphrase" }
        return algorithms
    }

    func write(to url: URL) throws(EngineError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        do {
            try encoder.encode(self).write(to: url, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        } catch {
            throw .keys("cannot write \(url.path)")
        }
    }

    static func read(from url: URL) throws(EngineError) -> MasterKeyDescription? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do { return try decoder.decode(Self.self, from: Data(contentsOf: url)) } catch {
            throw .keys("\(url.path) is not a valid key description")
        }
    }
}
