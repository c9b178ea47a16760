import Foundation
import GRDB
import GRDBSQLite
import ParleyCrypto
#if canImport(Glibc)
import Glibc
#endif

/// Turns an existing plain SQLite database into an encrypted one in place,
/// so that no step loses data if the process dies:
///
/// 1. `VACUUM INTO` `<db>.encrypting` through the encrypting VFS, synced and
///    verified page by page;
/// 2. rename the plain file to `<db>.plain`, then the encrypted file to `<db>`;
/// 3. overwrite `<db>.plain` with zeros, sync, remove it.
///
/// ``recover(_:)`` (run before every open) puts a `.plain` file back when the
/// swap did not happen, and finishes step 3 when it did. A lock file keeps two
/// processes from migrating at once.
enum PlainDatabaseMigration {
    static func encrypt(_ path: String, key: SymmetricKey, options: StoreOptions) throws {
        let lock = try FileLock(path + ".migrating")
        defer { withExtendedLifetime(lock) {} }
        try recover(path)
        guard DatabaseEncryption.isPlainSQLite(path) else { return }
        let target = path + ".encrypting"
        try FileSync.removeIfPresent(target)
        try DatabaseEncryption.register(key: key, for: target)
        defer { DatabaseEncryption.forget(target) }
        // Sorting and temporary tables of the copy stay in memory, never in a clear temp file.
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try db.execute(sql: "PRAGMA cache_size = -\(options.pageCacheKiB)")
        }
        let plain = try DatabaseQueue(path: path, configuration: configuration)
        try plain.writeWithoutTransaction { db in
            try DatabaseEncryption.requestReservedBytes(db)
            try db.execute(sql: "VACUUM INTO ?", arguments: [DatabaseEncryption.uri(target)])
        }
        try plain.close()
        try FileSync.sync(path: target)
        try Store.verify(path: target, key: key)
        for suffix in ["-wal", "-shm", "-journal"] { try FileSync.removeIfPresent(path + suffix) }
        try FileSync.replace(path + ".plain", with: path)
        try FileSync.replace(path, with: target)
        try destroyPlain(path + ".plain")
    }

    /// Completes or undoes an interrupted migration.
    static func recover(_ path: String) throws {
        let plain = path + ".plain"
        guard FileManager.default.fileExists(atPath: plain) else { return }
        if FileManager.default.fileExists(atPath: path) {
            try destroyPlain(plain)
        } else {
            try FileSync.replace(path, with: plain)
        }
    }

    /// Overwrites the plain copy's bytes before removing it (best effort on
    /// copy-on-write or wear-levelled storage; the file system's own copies
    /// are beyond Parley's reach).
    private static func destroyPlain(_ plain: String) throws {
        let size = (try FileManager.default.attributesOfItem(atPath: plain)[.size] as? Int) ?? 0
        if let handle = FileHandle(forWritingAtPath: plain) {
            try handle.write(contentsOf: Data(count: size))
            try handle.synchronize()
            try handle.close()
        }
        try FileManager.default.removeItem(atPath: plain)
    }
}

/// An exclusive advisory lock on a file, released when the value goes away.
final class FileLock: Sendable {
    private let descriptor: Int32

    init(_ path: String) throws {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.database("cannot open \(path): \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX) == 0 else {
            close(fd)
            throw StoreError.database("cannot lock \(path): \(String(cString: strerror(errno)))")
        }
        descriptor = fd
    }

    deinit {
        close(descriptor)
    }
}
