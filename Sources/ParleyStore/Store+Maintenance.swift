import Foundation
import GRDB
import ParleyCrypto
#if canImport(Glibc)
import Glibc
#endif

/// Offline and online maintenance: backups, restores, re-encryption under a
/// new master key. Offline operations work on files while no store is open.
extension Store {
    /// Writes a consistent, still encrypted copy of the main database to `url`
    /// while the store keeps serving (`VACUUM INTO` under the same database
    /// key, from a reader, so writers are not held up), then proves the copy readable (``verify(path:key:)``) before it
    /// returns; a copy that fails is removed. The subject keyring is not part
    /// of a backup: a customer erased after the backup stays erased in it.
    public func backup(to url: URL, keys: KeyHierarchy) async throws(StoreError) {
        guard case .directory = location else { throw .invalid("an in-memory store has nothing to back up") }
        let target = url.standardizedFileURL.path
        guard !FileManager.default.fileExists(atPath: target) else { throw .invalid("\(target) already exists; refusing to overwrite it") }
        try DatabaseEncryption.register(key: keys.databaseKey, for: target)
        defer { DatabaseEncryption.forget(target) }
        do {
            // On a reader, outside a transaction: VACUUM INTO reads one
            // snapshot of its own, and turns keep being written meanwhile.
            try await database.unsafeRead { db in
                try DatabaseEncryption.requestReservedBytes(db)
                try db.execute(sql: "VACUUM INTO ?", arguments: [DatabaseEncryption.uri(target)])
            }
            try FileSync.sync(path: target)
            try Self.verify(path: target, key: keys.databaseKey)
        } catch {
            try? FileManager.default.removeItem(atPath: target)
            throw Self.map(error)
        }
    }

    /// Ids of the encrypted files (hex), for `parley keys status`.
    public func databaseIDs() async throws(StoreError) -> (database: String?, keyring: String?) {
        guard case .directory = location else { return (nil, nil) }
        let main = try await read { db in try DatabaseEncryption.databaseID(db) }
        let keyring = try await keyring.databaseID()
        return (main, keyring)
    }

    /// Copies the database at `path` (encrypted under `key`, or plain when
    /// `key` is nil) into a new file at `target` encrypted under `targetKey`.
    /// The source is only read. The target is synced to disk and verified
    /// (``verify(path:key:)``); a target that fails is removed.
    public static func copyDatabase(
        at path: String, key: SymmetricKey?, to target: String, targetKey: SymmetricKey, options: StoreOptions = StoreOptions()
    ) throws(StoreError) {
        guard !FileManager.default.fileExists(atPath: target) else { throw .invalid("\(target) already exists") }
        let since = DatabaseEncryption.failureSerial()
        do {
            if let key { try DatabaseEncryption.register(key: key, for: path) }
            try DatabaseEncryption.register(key: targetKey, for: target)
            defer { DatabaseEncryption.forget(target) }
            var configuration = Configuration()
            configuration.readonly = true
            configuration.prepareDatabase { db in
                if key != nil { try DatabaseEncryption.prepare(db) }
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                // VACUUM INTO writes the copy through a cache of the source's size.
                try db.execute(sql: "PRAGMA cache_size = -\(options.pageCacheKiB)")
            }
            let source = try DatabaseQueue(path: key == nil ? path : DatabaseEncryption.uri(path), configuration: configuration)
            try source.inDatabase { db in
                try DatabaseEncryption.requestReservedBytes(db)
                try db.execute(sql: "VACUUM INTO ?", arguments: [DatabaseEncryption.uri(target)])
            }
            try source.close()
            try FileSync.sync(path: target)
            try verify(path: target, key: targetKey)
        } catch {
            try? FileManager.default.removeItem(atPath: target)
            throw map(error, files: [path, target], since: since)
        }
    }

    /// Writes a new keyring at `target` (encrypted under `targetKey`) holding
    /// every subject key of the keyring at `path`, unwrapped with `wrapping`
    /// and wrapped again under `targetWrapping`.
    public static func rewrapKeyring(
        at path: String, key: SymmetricKey, wrapping: SymmetricKey,
        to target: String, targetKey: SymmetricKey, targetWrapping: SymmetricKey, options: StoreOptions = StoreOptions()
    ) throws(StoreError) {
        guard !FileManager.default.fileExists(atPath: target) else { throw .invalid("\(target) already exists") }
        let since = DatabaseEncryption.failureSerial()
        do {
            try DatabaseEncryption.register(key: key, for: path)
            try DatabaseEncryption.register(key: targetKey, for: target)
            defer { DatabaseEncryption.forget(target) }
            let source = try DatabaseQueue(path: DatabaseEncryption.uri(path), configuration: configuration(encrypted: true, options: options))
            let records = try source.read { db in try SubjectKeyRecord.fetchAll(db) }
            try source.close()
            let destination = try DatabaseQueue(path: DatabaseEncryption.uri(target), configuration: configuration(encrypted: true, options: options))
            try Migrations.keyring.migrate(destination)
            try destination.write { db in
                for record in records {
                    var raw = try AEAD.open(Array(record.wrappedKey), key: wrapping, associatedData: SubjectKeyring.associatedData(record.subjectID))
                    defer { SecureBytes.wipe(&raw) }
                    let wrapped = try AEAD.seal(raw, key: targetWrapping, associatedData: SubjectKeyring.associatedData(record.subjectID))
                    try SubjectKeyRecord(subjectID: record.subjectID, wrappedKey: Data(wrapped), createdAt: record.createdAt).insert(db)
                }
            }
            try destination.close()
            try FileSync.sync(path: target)
            try verify(path: target, key: targetKey)
        } catch {
            try? FileManager.default.removeItem(atPath: target)
            throw map(error, files: [path, target], since: since)
        }
    }

    /// Replaces the audit log, the erasure log and requests, the legal holds and
    /// the retention runs of the database at `target` with those at `source`
    /// (``Migrations/carriedOverTables``). A restore uses it so that they survive
    /// the restore of an older backup: only customer data goes back in time,
    /// never the record of who did what, an erasure, or a hold. The next open
    /// applies again every erasure the restored data missed.
    public static func copyAuditLog(
        from source: String, key: SymmetricKey, into target: String, targetKey: SymmetricKey, options: StoreOptions = StoreOptions()
    ) throws(StoreError) {
        let since = DatabaseEncryption.failureSerial()
        do {
            try DatabaseEncryption.register(key: key, for: source)
            try DatabaseEncryption.register(key: targetKey, for: target)
            let queue = try DatabaseQueue(path: DatabaseEncryption.uri(target), configuration: configuration(encrypted: true, options: options))
            try Migrations.main.migrate(queue)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS live", arguments: [DatabaseEncryption.uri(source)])
                let present = Set(try String.fetchAll(db, sql: "SELECT name FROM live.sqlite_master WHERE type = 'table'"))
                try db.inTransaction {
                    // A live database of an older Parley lacks the newer tables: nothing of theirs to carry.
                    for table in Migrations.carriedOverTables where present.contains(table) {
                        try db.execute(sql: "DELETE FROM main.\(table)")
                        try db.execute(sql: "INSERT INTO main.\(table) SELECT * FROM live.\(table)")
                    }
                    return .commit
                }
                try db.execute(sql: "DETACH DATABASE live")
                _ = try db.checkpoint(.truncate)
            }
            try queue.close()
            try FileSync.sync(path: target)
        } catch {
            throw map(error, files: [source, target], since: since)
        }
    }

    /// Checks that the database file at `path` (without a WAL beside it: a
    /// backup, a copy) opens under `key` and is intact: every page, free pages
    /// included, authenticates (opened outside SQLite), and SQLite's full
    /// `integrity_check` passes (b-trees, indices, constraints).
    public static func verify(path: String, key: SymmetricKey) throws(StoreError) {
        let since = DatabaseEncryption.failureSerial()
        do {
            try DatabaseEncryption.register(key: key, for: path)
            _ = try DatabaseEncryption.checkEveryPage(path)
            var configuration = Configuration()
            configuration.readonly = true
            configuration.prepareDatabase { db in try DatabaseEncryption.prepare(db) }
            let queue = try DatabaseQueue(path: DatabaseEncryption.uri(path), configuration: configuration)
            let result = try queue.read { db in try DatabaseEncryption.check(db, pragma: "integrity_check") }
            try queue.close()
            guard result == ["ok"] else { throw StoreError.database("integrity check failed for \(path)") }
        } catch {
            throw map(error, files: [path], since: since)
        }
    }
}

/// fsync for files and directories, so renames that commit a change survive a power cut.
public enum FileSync {
    public static func sync(path: String) throws(StoreError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .database("cannot open \(path) to sync it: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw .database("cannot sync \(path): \(String(cString: strerror(errno)))") }
    }

    /// Removes a file if it is there; any failure but "no such file" is an error
    /// (a stale -wal left next to a swapped-in database must not go unnoticed).
    public static func removeIfPresent(_ path: String) throws(StoreError) {
        guard unlink(path) == 0 || errno == ENOENT else {
            throw .database("cannot remove \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Atomically replaces `destination` with `source`, then syncs the directory.
    public static func replace(_ destination: String, with source: String) throws(StoreError) {
        guard rename(source, destination) == 0 else {
            throw .database("cannot rename \(source) to \(destination): \(String(cString: strerror(errno)))")
        }
        try sync(path: (destination as NSString).deletingLastPathComponent)
    }
}
