import Foundation
import Logging
import ParleyCrypto
import ParleyStore

/// Replaces the master key: every page of both databases re-encrypted and
/// every customer key re-wrapped under keys derived from a new key: a new
/// random key for a key kept in `master.key`, the key of a new passphrase
/// (with a new salt) for a passphrase key, which still writes nothing secret.
///
/// Crash safety. The steps are ordered so that an interruption anywhere
/// leaves files that open with one of the two keys, and ``recover()``
/// (run by every start) finishes or rolls back:
///
/// 1. write the new key as `master.key.next` (+ `master.next.json`), or for a
///    passphrase key its description as `master.next.pending.json`;
/// 2. write `parley.db.rotating` and `keyring.db.rotating` under the new key;
/// 3. keep the old key as `retired/<key id>.key` (for backups made under it),
///    or a passphrase key's description as `retired/<key id>.json`;
/// 4. commit: rename `master.key.next` over `master.key`, then the
///    description; or rename `master.next.pending.json` over `master.json`;
/// 5. rename the `.rotating` databases over the live ones.
///
/// Before step 4 the old key and the old files are authoritative and
/// recovery deletes the new ones; after it, recovery completes step 5.
public struct KeyRotation: Sendable {
    public enum Step: Int, Sendable, Comparable, CaseIterable {
        case newKeyWritten = 1, databasesWritten, oldKeyRetired, committed, finished

        public static func < (lhs: Step, rhs: Step) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public enum Recovery: Sendable, Equatable {
        case nothingToDo, rolledBack, finished
    }

    public let keys: KeyDirectory
    public let dataDirectory: URL
    public let logger: Logger
    public let storeOptions: StoreOptions

    public init(keys: KeyDirectory, dataDirectory: URL, logger: Logger, storeOptions: StoreOptions = StoreOptions()) {
        self.keys = keys
        self.dataDirectory = dataDirectory
        self.logger = logger
        self.storeOptions = storeOptions
    }

    var nextKey: URL { keys.url.appendingPathComponent("master.key.next") }
    var nextDescription: URL { keys.url.appendingPathComponent("master.next.json") }
    /// A passphrase key's next description before the commit (step 4).
    var pendingDescription: URL { keys.url.appendingPathComponent("master.next.pending.json") }
    /// Files whose presence means a rotation has not committed yet.
    var uncommitted: [URL] { [nextKey, pendingDescription] }
    var retired: URL { keys.url.appendingPathComponent("retired") }
    var databases: [String] { [StoreLocation.databaseFileName, StoreLocation.keyringFileName].map { dataDirectory.appendingPathComponent($0).path } }

    /// What a rotation did: the old key's id and the new keys.
    public struct Rotated: Sendable {
        public let oldKeyID: String
        public let newKeys: KeyHierarchy
    }

    /// Rotates. A passphrase key needs `newPassphrase` (stretched with
    /// `limits`); a key in `master.key` gets a new random key. `stopAfter`
    /// simulates a crash after a step (tests only).
    @discardableResult
    public func rotate(
        newPassphrase: SecureBytes? = nil, limits: PasswordKey.Limits? = nil, now: Date = Date(), stopAfter: Step? = nil
    ) throws(EngineError) -> Rotated {
        _ = try recover()
        if let credential = keys.credentialURL, FileManager.default.fileExists(atPath: credential.path) {
            throw .keys("the master key comes from the systemd credential \(KeyDirectory.credentialName), which Parley cannot replace; see the README, \"Rotating a key held in a systemd credential\"")
        }
        guard let description = try keys.description(), ["file", "passphrase"].contains(description.source) else {
            throw .keys("no master key description in \(keys.descriptionURL.path); cannot rotate")
        }
        let passphraseKey = description.source == "passphrase"
        // A new passphrase key is stretched as hard as the current one unless told otherwise.
        let limits = limits ?? description.limits ?? .moderate
        guard passphraseKey == (newPassphrase != nil) else {
            throw .keys(passphraseKey
                ? "the master key is protected by a passphrase: rotating it needs a new passphrase"
                : "the master key is kept in \(KeyDirectory.masterKeyFile): it is replaced by a random key, not a passphrase")
        }
        let oldMaster = try keys.loadMasterKey()
        if let newPassphrase, (try? KeyDirectory.key(of: description, passphrase: newPassphrase)) != nil {
            throw .keys("the new passphrase is the current one; choose another")
        }
        let newMaster: SymmetricKey
        let old: KeyHierarchy
        let new: KeyHierarchy
        var salt: [UInt8]?
        do {
            if let newPassphrase {
                let fresh = try RandomBytes.generate(count: PasswordKey.saltByteCount)
                salt = fresh
                newMaster = try PasswordKey.derive(passphrase: newPassphrase, salt: fresh, limits: limits)
            } else {
                newMaster = try SymmetricKey.random()
            }
            old = try KeyHierarchy(master: oldMaster)
            new = try KeyHierarchy(master: newMaster)
        } catch { throw .keys(error.description) }
        let rotated = Rotated(oldKeyID: old.keyID, newKeys: new)

        // 1. The new key, beside the old one.
        if passphraseKey {
            try MasterKeyDescription(key: newMaster, createdAt: now, source: "passphrase", salt: salt, limits: limits).write(to: pendingDescription)
        } else {
            try newMaster.bytes.withUnsafeBytes { raw throws(EngineError) in try SecretFile.write(raw, to: nextKey) }
            try MasterKeyDescription(key: newMaster, createdAt: now, source: "file").write(to: nextDescription)
        }
        if stopAfter == .newKeyWritten { return rotated }

        // 2. Both databases under the new key.
        let (database, keyring) = (databases[0], databases[1])
        do {
            if FileManager.default.fileExists(atPath: database) {
                try Store.copyDatabase(at: database, key: old.databaseKey, to: database + ".rotating", targetKey: new.databaseKey, options: storeOptions)
            }
            if FileManager.default.fileExists(atPath: keyring) {
                try Store.rewrapKeyring(
                    at: keyring, key: old.keyringDatabaseKey, wrapping: old.wrappingKey,
                    to: keyring + ".rotating", targetKey: new.keyringDatabaseKey, targetWrapping: new.wrappingKey,
                    options: storeOptions
                )
            }
        } catch {
            _ = try? recover()
            throw .storage("key rotation failed and was rolled back: \(error.description)")
        }
        if stopAfter == .databasesWritten { return rotated }

        // 3. Keep the old key (or a passphrase key's description) for backups made under it.
        if passphraseKey {
            try retire(description, id: old.keyID)
        } else {
            try retire(oldMaster, id: old.keyID)
        }
        if stopAfter == .oldKeyRetired { return rotated }

        // 4. Commit.
        do {
            if passphraseKey {
                try FileSync.replace(keys.descriptionURL.path, with: pendingDescription.path)
                if stopAfter == .committed { return rotated }
            } else {
                try FileSync.replace(keys.masterKeyURL.path, with: nextKey.path)
                if stopAfter == .committed { return rotated }
                try FileSync.replace(keys.descriptionURL.path, with: nextDescription.path)
            }
        } catch { throw .keys(error.description) }

        // 5. Swap in the re-encrypted databases.
        try finishSwap()
        logger.notice("master key rotated", metadata: ["key.old_id": "\(old.keyID)", "key.new_id": "\(new.keyID)"])
        return rotated
    }

    /// True when files of an interrupted rotation are present.
    public var needsRecovery: Bool {
        let fileManager = FileManager.default
        return (uncommitted + [nextDescription]).map(\.path).contains(where: fileManager.fileExists(atPath:))
            || databases.contains { fileManager.fileExists(atPath: $0 + ".rotating") }
    }

    /// Finishes a committed rotation or rolls back an uncommitted one. Run it
    /// only while holding the data directory exclusively.
    public func recover() throws(EngineError) -> Recovery {
        let fileManager = FileManager.default
        if uncommitted.contains(where: { fileManager.fileExists(atPath: $0.path) }) {
            // Order matters: the markers go last, so a rollback cut short is
            // still a rollback. Without them, a leftover .rotating database or
            // master.next.json would read as a committed rotation, and the
            // swap would install databases under a key just deleted.
            do {
                for path in databases.map({ $0 + ".rotating" }) { try FileSync.removeIfPresent(path) }
                try FileSync.sync(path: dataDirectory.path)
                try FileSync.removeIfPresent(nextDescription.path)
                try FileSync.sync(path: keys.url.path)
                // Step 3 may have retired the key that stays in use: it is not retired.
                if let current = try keys.description()?.keyID {
                    for name in ["\(current).key", "\(current).json"] {
                        try FileSync.removeIfPresent(retired.appendingPathComponent(name).path)
                    }
                }
                for url in uncommitted { try FileSync.removeIfPresent(url.path) }
                try FileSync.sync(path: keys.url.path)
            } catch { throw .keys("cannot roll back the unfinished key rotation: \(String(describing: error))") }
            logger.warning("rolled back an unfinished key rotation; the previous master key stays in use")
            return .rolledBack
        }
        var finished = false
        if fileManager.fileExists(atPath: nextDescription.path) {
            do { try FileSync.replace(keys.descriptionURL.path, with: nextDescription.path) } catch { throw .keys(error.description) }
            finished = true
        }
        if databases.contains(where: { fileManager.fileExists(atPath: $0 + ".rotating") }) {
            try finishSwap()
            finished = true
        }
        if finished { logger.notice("finished an interrupted key rotation; the new master key is in use") }
        return finished ? .finished : .nothingToDo
    }

    private func finishSwap() throws(EngineError) {
        for path in databases where FileManager.default.fileExists(atPath: path + ".rotating") {
            do {
                for suffix in ["-wal", "-shm", "-journal"] { try FileSync.removeIfPresent(path + suffix) }
                try FileSync.replace(path, with: path + ".rotating")
            } catch { throw .keys(error.description) }
        }
    }

    private func retire(_ key: SymmetricKey, id: String) throws(EngineError) {
        do {
            try FileManager.default.createDirectory(at: retired, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch { throw .keys("cannot create \(retired.path)") }
        let url = retired.appendingPathComponent("\(id).key")
        guard !FileManager.default.fileExists(atPath: url.path) else { return }
        try key.bytes.withUnsafeBytes { raw throws(EngineError) in try SecretFile.write(raw, to: url) }
    }

    /// A passphrase key is retired as its description (salt and limits):
    /// restoring a backup made under it asks for the old passphrase.
    private func retire(_ description: MasterKeyDescription, id: String) throws(EngineError) {
        do {
            try FileManager.default.createDirectory(at: retired, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch { throw .keys("cannot create \(retired.path)") }
        let url = retired.appendingPathComponent("\(id).json")
        try description.write(to: url)
        // Durable before the commit: backups made under the old key need it.
        do {
            try FileSync.sync(path: url.path)
            try FileSync.sync(path: retired.path)
        } catch { throw .keys(error.description) }
    }
}
