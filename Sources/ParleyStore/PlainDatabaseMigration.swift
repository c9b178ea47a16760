import Foundation
import GRDB
import GRDBSQLite
import ParleyCrypto
#if canImport(Glibc)
import Glibc
#endif

/// Turns an existing plain SQLite database into an encrypted one in place:
/// `VACUUM INTO` a new file through the encrypting VFS, overwrite the plain
/// file's bytes, then rename the encrypted file over it (atomic).
enum PlainDatabaseMigration {
    static func encrypt(_ path: String, key: SymmetricKey) throws {
        let target = path + ".encrypting"
        try? FileManager.default.removeItem(atPath: target)
        try DatabaseEncryption.register(key: key, for: target)
        defer { DatabaseEncryption.forget(target) }
        let plain = try DatabaseQueue(path: path)
        try plain.writeWithoutTransaction { db in
            try DatabaseEncryption.requestReservedBytes(db)
            try db.execute(sql: "VACUUM INTO ?", arguments: [DatabaseEncryption.uri(target)])
        }
        try plain.close()
        let plainSize = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        for suffix in ["-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        if let handle = FileHandle(forWritingAtPath: path) {
            try handle.write(contentsOf: Data(count: plainSize))
            try handle.synchronize()
            try handle.close()
        }
        guard rename(target, path) == 0 else {
            throw StoreError.database("cannot move the encrypted database into place: \(String(cString: strerror(errno)))")
        }
    }
}
