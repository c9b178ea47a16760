import CSQLiteCrypt
import Foundation
import GRDB
import GRDBSQLite
import ParleyCrypto

/// Opening SQLite files through the `parley-crypt` VFS, which encrypts every
/// page of the database, its WAL and its journal (XChaCha20-Poly1305, a fresh
/// nonce per page write, nonce and tag in 40 reserved bytes per page, the
/// database id and page position as associated data).
enum DatabaseEncryption {
    static let cipher = "xchacha20poly1305"
    static let plainHeader = Array("SQLite format 3\u{0}".utf8)

    /// Registers the VFS (once) and the key of the database at `path`.
    static func register(key: SymmetricKey, for path: String) throws(StoreError) {
        let rc = key.bytes.withUnsafeBytes { raw in
            parley_crypt_set_key(path, raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        guard rc == SQLITE_OK else { throw .keys("the encryption layer refused the key for \(path) (SQLite code \(rc))") }
    }

    static func forget(_ path: String) {
        _ = parley_crypt_clear_key(path)
    }

    /// The URI that opens `path` through the VFS.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:\(path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path)?vfs=parley-crypt"
    }

    /// Run on every connection before anything else: 4096-byte pages and 40
    /// reserved bytes on a new database (no-ops on an existing one), then a
    /// check that the VFS is really in the path, so that a misconfiguration can
    /// never write a page in clear.
    static func prepare(_ db: Database) throws {
        try requestReservedBytes(db)
        guard try String.fetchOne(db, sql: "PRAGMA parley_cipher") == cipher else {
            throw StoreError.keys("the database is not opened through the encryption layer")
        }
        // Read page 1 now, on this connection's thread, so that a wrong key is
        // reported with the file and page this connection failed on.
        do { _ = try Int.fetchOne(db, sql: "PRAGMA schema_version") } catch { throw authenticationError(error) }
    }

    /// Asks for 4096-byte pages with 40 reserved bytes for the next database
    /// this connection creates or vacuums into. `PRAGMA page_size` resets the
    /// request, so it comes first; every VACUUM resets it too, so call this
    /// right before each `VACUUM INTO`.
    static func requestReservedBytes(_ db: Database) throws {
        try db.execute(sql: "PRAGMA page_size = 4096")
        var reserve = Int32(PARLEY_CRYPT_RESERVED_BYTES)
        let rc = sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve)
        guard rc == SQLITE_OK else { throw StoreError.keys("cannot reserve the encryption bytes per page (SQLite code \(rc))") }
    }

    /// Opens every page of the file at `path` (its key registered) outside
    /// SQLite, free pages included, and returns how many there are. A page
    /// that fails is thrown as ``StoreError/authenticationFailed(file:page:kind:)``.
    /// The main file only: checkpoint a WAL into it first.
    static func checkEveryPage(_ path: String) throws(StoreError) -> UInt64 {
        var pages: UInt64 = 0
        let rc = parley_crypt_check_file(path, &pages)
        if rc == SQLITE_OK { return pages }
        if rc == Store.authenticationFailureCode, let failure = failure() {
            throw .authenticationFailed(file: failure.path, page: failure.page, kind: failure.kind)
        }
        throw .database("cannot read \(path) to check its pages (SQLite code \(rc))")
    }

    /// The 16-byte database id (hex), stored in clear at the start of the file.
    static func databaseID(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "PRAGMA parley_database_id")
    }

    /// True when the file is a plain (unencrypted) SQLite database.
    static func isPlainSQLite(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: plainHeader.count)) ?? Data()
        return Array(header) == plainHeader
    }

    /// The process-wide failure counter now: a failure recorded later has a larger serial.
    static func failureSerial() -> UInt64 {
        failure(onThisThread: false)?.serial ?? 0
    }

    /// `path` with symbolic links resolved, as the VFS names files in its reports.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    /// The most recent authentication failure seen by the calling thread (call
    /// it on the thread that ran the failing statement), or process-wide.
    static func failure(onThisThread: Bool = true) -> (path: String, page: UInt64, kind: String, serial: UInt64, recovery: Bool)? {
        var path = [CChar](repeating: 0, count: 4096)
        var page: UInt32 = 0
        var kind: CChar = 0
        var current: UInt64 = 0
        let rc = onThisThread
            ? parley_crypt_thread_last_failure(&path, path.count, &page, &kind, &current)
            : parley_crypt_last_failure(&path, path.count, &page, &kind, &current)
        guard rc == SQLITE_OK else { return nil }
        let name: String = switch Int32(kind) {
        case PARLEY_CRYPT_KIND_WAL, PARLEY_CRYPT_KIND_WAL_RECOVERY: "write-ahead log"
        case PARLEY_CRYPT_KIND_JOURNAL, PARLEY_CRYPT_KIND_JOURNAL_RECOVERY: "journal"
        default: "database"
        }
        let text = path.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // Lower case: recovery ended the log (or the rollback) before this frame or record.
        let recovery = Int32(kind) == PARLEY_CRYPT_KIND_WAL_RECOVERY || Int32(kind) == PARLEY_CRYPT_KIND_JOURNAL_RECOVERY
        return (text, UInt64(page), name, current, recovery)
    }

    /// Runs `PRAGMA integrity_check` or `quick_check` to the end. SQLite reports
    /// a page it could not read as a line of the result ("unable to get the
    /// page") rather than as an error; a page that failed authentication during
    /// the check is thrown as ``StoreError/authenticationFailed(file:page:kind:)``.
    static func check(_ db: Database, pragma: String) throws -> [String] {
        let before = failure()?.serial ?? 0
        let result = try String.fetchAll(db, sql: "PRAGMA \(pragma)")
        if result != ["ok"], let failure = failure(), failure.serial > before {
            throw StoreError.authenticationFailed(file: failure.path, page: failure.page, kind: failure.kind)
        }
        return result
    }

    /// Turns an authentication failure of the VFS into a ``StoreError`` naming
    /// file and page. Call on the thread that ran the statement.
    static func authenticationError(_ error: any Error) -> (any Error) {
        guard let database = error as? DatabaseError, database.extendedResultCode.rawValue == Store.authenticationFailureCode else {
            return error
        }
        guard let failure = failure() else { return StoreError.authenticationFailed(file: "(unknown file)", page: nil, kind: "database") }
        return StoreError.authenticationFailed(file: failure.path, page: failure.page, kind: failure.kind)
    }
}
