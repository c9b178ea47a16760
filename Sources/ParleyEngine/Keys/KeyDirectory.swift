import Foundation
import ParleyCrypto
#if canImport(Glibc)
import Glibc
#endif

/// The keys directory: `master.key` (32 random bytes, mode 0600) and
/// `master.json` (its public description). The directory must be 0700 and
/// both must belong to the user running Parley, or nothing starts.
public struct KeyDirectory: Sendable {
    public let url: URL

    public static let masterKeyFile = "master.key"
    public static let descriptionFile = "master.json"

    public init(url: URL) {
        self.url = url
    }

    var masterKeyURL: URL { url.appendingPathComponent(Self.masterKeyFile) }
    var descriptionURL: URL { url.appendingPathComponent(Self.descriptionFile) }

    public var hasMasterKey: Bool { FileManager.default.fileExists(atPath: masterKeyURL.path) }

    /// Creates the directory (0700) and a new random master key (0600).
    /// Refuses to overwrite an existing key.
    @discardableResult
    public func initialize(now: Date = Date()) throws(EngineError) -> MasterKeyDescription {
        guard !hasMasterKey else {
            throw .keys("\(masterKeyURL.path) already exists; refusing to replace a master key (use 'parley keys rotate')")
        }
        try createDirectory()
        let key: SymmetricKey
        do { key = try SymmetricKey.random() } catch { throw .keys(error.description) }
        try key.bytes.withUnsafeBytes { raw throws(EngineError) in
            try SecretFile.write(raw, to: masterKeyURL)
        }
        let description = try MasterKeyDescription(key: key, createdAt: now, source: "file")
        try description.write(to: descriptionURL)
        return description
    }

    /// Loads the master key after checking ownership and permissions.
    public func loadMasterKey() throws(EngineError) -> SymmetricKey {
        guard hasMasterKey else {
            throw .keys("no master key at \(masterKeyURL.path); create one with 'parley keys init'")
        }
        try FilePermissions.requirePrivate(url, isDirectory: true)
        try FilePermissions.requirePrivate(masterKeyURL, isDirectory: false)
        return try SecretFile.readKey(masterKeyURL)
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
    public var source: String
    public var algorithms: [String: String]

    enum CodingKeys: String, CodingKey {
        case keyID = "key_id", createdAt = "created_at", source, algorithms
    }

    init(key: SymmetricKey, createdAt: Date, source: String) throws(EngineError) {
        do { keyID = try KeyHierarchy(master: key).keyID } catch { throw .keys(error.description) }
        self.createdAt = createdAt
        self.source = source
        algorithms = [
            "subkeys": "crypto_kdf (BLAKE2b)",
            "database_pages": "XChaCha20-Poly1305",
            "customer_fields": "XChaCha20-Poly1305 under per-subject keys",
            "key_wrapping": "XChaCha20-Poly1305",
            "audit_signatures": "Ed25519",
        ]
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
