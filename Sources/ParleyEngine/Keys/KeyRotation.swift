import Foundation
import Logging
import ParleyCrypto
import ParleyStore

/// Replaces the master key: every page of both databases re-encrypted and
/// every customer key re-wrapped under keys derived from a new random key.
///
/// Crash safety. The steps are ordered so that an interruption anywhere
/// leaves files that open with one of the two keys, and ``recover()``
/// (run by every start) finishes or rolls back:
///
/// 1. write the new key as `master.key.next` (+ `master.next.json`);
/// 2. write `parley.db.rotating` and `keyring.db.rotating` under the new key;
/// 3. keep the old key as `retired/<key id>.key` (for backups made under it);
/// 4. commit: rename `master.key.next` over `master.key`, then the description;
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

    public init(keys: KeyDirectory, dataDirectory: URL, logger: Logger) {
        self.keys = keys
        self.dataDirectory = dataDirectory
        self.logger = logger
    }

    var nextKey: URL { keys.url.appendingPathComponent("master.key.next") }
    var nextDescription: URL { keys.url.appendingPathComponent("master.next.json") }
    var retired: URL { keys.url.appendingPathComponent("retired") }
    var databases: [String] { [StoreLocation.databaseFileName, StoreLocation.keyringFileName].map { dataDirectory.appendingPathComponent($0).path } }

    /// Rotates and returns the old and new key ids. `stopAfter` simulates a
    /// crash after a step (tests only).
    @discardableResult
    public func rotate(now: Date = Date(), stopAfter: Step? = nil) throws(EngineError) -> (old: String, new: String) {
        _ = try recover()
        if let credential = keys.credentialURL, FileManager.default.fileExists(atPath: credential.path) {
            throw .keys("the master key comes from the systemd credential \(KeyDirectory.credentialName); rotate it there, not with 'parley keys rotate'")
        }
        guard let description = try keys.description(), description.source == "file" else {
            throw .keys("only a master key kept in \(KeyDirectory.masterKeyFile) can be rotated here; for a passphrase or systemd credential, create the new key first (see the README, Keys)")
        }
        let oldMaster = try keys.loadMasterKey()
        let newMaster: SymmetricKey
        let old: KeyHierarchy
        let new: KeyHierarchy
        do {
            newMaster = try SymmetricKey.random()
            old = try KeyHierarchy(master: oldMaster)
            new = try KeyHierarchy(master: newMaster)
        } catch { throw .keys(error.description) }

        // 1. The new key, beside the old one.
        try newMaster.bytes.withUnsafeBytes { raw throws(EngineError) in try SecretFile.write(raw, to: nextKey) }
        try MasterKeyDescription(key: newMaster, createdAt: now, source: "file").write(to: nextDescription)
        if stopAfter == .newKeyWritten { return (old.keyID, new.keyID) }

        // 2. Both databases under the new key.
        let (database, keyring) = (databases[0], databases[1])
        do {
            if FileManager.default.fileExists(atPath: database) {
                try Store.copyDatabase(at: database, key: old.databaseKey, to: database + ".rotating", targetKey: new.databaseKey)
            }
            if FileManager.default.fileExists(atPath: keyring) {
                try Store.rewrapKeyring(
                    at: keyring, key: old.keyringDatabaseKey, wrapping: old.wrappingKey,
                    to: keyring + ".rotating", targetKey: new.keyringDatabaseKey, targetWrapping: new.wrappingKey
                )
            }
        } catch {
            _ = try? recover()
            throw .storage("key rotation failed and was rolled back: \(error.description)")
        }
        if stopAfter == .databasesWritten { return (old.keyID, new.keyID) }

        // 3. Keep the old key for backups made under it.
        try retire(oldMaster, id: old.keyID)
        if stopAfter == .oldKeyRetired { return (old.keyID, new.keyID) }

        // 4. Commit.
        do {
            try FileSync.replace(keys.masterKeyURL.path, with: nextKey.path)
            if stopAfter == .committed { return (old.keyID, new.keyID) }
            try FileSync.replace(keys.descriptionURL.path, with: nextDescription.path)
        } catch { throw .keys(error.description) }

        // 5. Swap in the re-encrypted databases.
        try finishSwap()
        logger.notice("master key rotated", metadata: ["key.old_id": "\(old.keyID)", "key.new_id": "\(new.keyID)"])
        return (old.keyID, new.keyID)
    }

    /// True when files of an interrupted rotation are present.
    public var needsRecovery: Bool {
        let fileManager = FileManager.default
        return [nextKey.path, nextDescription.path].contains(where: fileManager.fileExists(atPath:))
            || databases.contains { fileManager.fileExists(atPath: $0 + ".rotating") }
    }

    /// Finishes a committed rotation or rolls back an uncommitted one. Run it
    /// only while holding the data directory exclusively.
    public func recover() throws(EngineError) -> Recovery {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: nextKey.path) {
            for path in [nextKey.path, nextDescription.path] + databases.map({ $0 + ".rotating" }) {
                try? fileManager.removeItem(atPath: path)
            }
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
}
