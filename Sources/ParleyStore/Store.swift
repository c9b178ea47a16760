import Foundation
import GRDB
import ParleyCrypto

/// Parley's database: conversations, turns, handoffs, feedback, tokens and the
/// local CRM in one SQLite database (WAL), plus the subject keyring.
///
/// Turn text, trackers and resolution notes are sealed under their subject's
/// own key before they reach SQLite. Every method is safe to call concurrently.
public final class Store: Sendable {
    let database: any DatabaseWriter
    /// Batches concurrent turn commits into shared transactions (one fsync a batch).
    let groupCommit: GroupCommit
    let keyring: SubjectKeyring
    public let location: StoreLocation
    /// Set when opening ran crash recovery that stopped at a WAL frame or
    /// journal record failing authentication: what was discarded, for the log.
    /// A write cut short by a crash looks like this; so does tampering.
    public let recoveryNotice: String?
    /// True when the database holds customers but the keyring holds none of
    /// their keys (it was missing or empty): only when opened `allowingLostKeyring`.
    public let keyringLost: Bool
    /// The free space of the data directory's disk (nil in memory).
    public let space: StorageSpace?

    /// Opens the store. A keyring that is missing or holds no customer keys
    /// while the database holds customers is refused (``StoreError/keyringMissing(path:subjects:)``)
    /// unless `allowingLostKeyring`, for the commands that deal with that loss.
    public init(location: StoreLocation, keys: KeyHierarchy, options: StoreOptions = StoreOptions(), allowingLostKeyring: Bool = false) throws(StoreError) {
        self.location = location
        space = location.directoryURL.map { StorageSpace(directory: $0, reserveBytes: options.reserveBytes) }
        let since = DatabaseEncryption.failureSerial()
        var keyringLost = false
        var notices: [String] = []
        do {
            switch location {
            case .inMemory:
                let queue = try DatabaseQueue(configuration: Self.configuration(encrypted: false, options: options))
                try Migrations.main.migrate(queue)
                database = queue
                keyring = try SubjectKeyring(
                    database: DatabaseQueue(configuration: Self.configuration(encrypted: false, options: options)),
                    wrappingKey: keys.wrappingKey
                )
            case .directory where !options.encrypted:
                // Benchmarks only (see StoreOptions.encrypted): plain files, same schema and code.
                let pool = try Self.syncingFully(DatabasePool(path: location.databasePath!, configuration: Self.configuration(encrypted: false, options: options)))
                try Migrations.main.migrate(pool)
                database = pool
                keyring = try SubjectKeyring(
                    database: Self.syncingFully(DatabaseQueue(path: location.keyringPath!, configuration: Self.configuration(encrypted: false, options: options))),
                    wrappingKey: keys.wrappingKey
                )
            case .directory:
                let databasePath = location.databasePath!
                let keyringPath = location.keyringPath!
                try DatabaseEncryption.register(key: keys.databaseKey, for: databasePath)
                try DatabaseEncryption.register(key: keys.keyringDatabaseKey, for: keyringPath)
                for (path, key) in [(databasePath, keys.databaseKey), (keyringPath, keys.keyringDatabaseKey)] {
                    try PlainDatabaseMigration.recover(path)
                    if DatabaseEncryption.isPlainSQLite(path) { try PlainDatabaseMigration.encrypt(path, key: key, options: options) }
                }
                let pool = try Self.syncingFully(DatabasePool(path: DatabaseEncryption.uri(databasePath), configuration: Self.configuration(encrypted: true, options: options)))
                try Migrations.main.migrate(pool)
                // Checked file by file, as each is first read: the VFS keeps only the last failure.
                notices += Self.recoveryNotice(files: [databasePath], since: since).map { [$0] } ?? []
                let keyringSince = DatabaseEncryption.failureSerial()
                let customers = try pool.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM subject WHERE erased_at IS NULL)") ?? false }
                let keyringFile = Self.isMissingOrEmpty(keyringPath)
                if customers, keyringFile, !allowingLostKeyring { throw try Self.keyringMissing(keyringPath, pool) }
                database = pool
                keyring = try SubjectKeyring(
                    database: Self.syncingFully(DatabaseQueue(path: DatabaseEncryption.uri(keyringPath), configuration: Self.configuration(encrypted: true, options: options))),
                    wrappingKey: keys.wrappingKey
                )
                keyringLost = try customers && (keyringFile || !keyring.holdsSubjectKeys())
                notices += Self.recoveryNotice(files: [keyringPath], since: keyringSince).map { [$0] } ?? []
                if keyringLost, !allowingLostKeyring { throw try Self.keyringMissing(keyringPath, pool) }
            }
        } catch {
            let mapped = Self.map(error, files: [location.databasePath, location.keyringPath].compactMap { $0 }, since: since)
            // Opening writes (recovery, migrations): on a full disk, say so.
            if case .diskFull = mapped, let space { throw space.fullError() }
            throw mapped
        }
        self.keyringLost = keyringLost
        groupCommit = GroupCommit(writer: database)
        recoveryNotice = notices.isEmpty ? nil : notices.joined(separator: "; ")
    }

    /// A store over parts already opened (``openReadOnlyCopy(at:keys:options:)``).
    init(database: any DatabaseWriter, keyring: SubjectKeyring, location: StoreLocation, space: StorageSpace?) {
        self.database = database
        self.keyring = keyring
        self.location = location
        self.space = space
        groupCommit = GroupCommit(writer: database)
        recoveryNotice = nil
        keyringLost = false
    }

    /// A missing keyring must not be replaced by an empty one in silence:
    /// every customer's text is sealed under keys kept there.
    private static func keyringMissing(_ path: String, _ database: DatabasePool) throws -> StoreError {
        let subjects = try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM subject WHERE erased_at IS NULL") ?? 0 }
        return .keyringMissing(path: path, subjects: subjects)
    }

    private static func isMissingOrEmpty(_ path: String) -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
        return size == nil || size == 0
    }

    static func configuration(encrypted: Bool, options: StoreOptions) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.label = "parley"
        // The server and CLI commands share the files: wait for a writer rather than fail.
        configuration.busyMode = .timeout(10)
        configuration.journalMode = .wal
        configuration.prepareDatabase { db in
            if encrypted { try DatabaseEncryption.prepare(db) }
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try db.execute(sql: "PRAGMA secure_delete = ON")
            try db.execute(sql: "PRAGMA cache_size = -\(options.pageCacheKiB)")
        }
        return configuration
    }

    /// Every commit's WAL frames are fsynced before the commit returns, so a
    /// turn acknowledged to a client (and the subject key it was sealed with)
    /// survives power loss. GRDB sets synchronous=NORMAL on a WAL writer when it
    /// opens it (NORMAL loses the last commits on power loss), so this runs on
    /// the writer connection after opening; readers never commit.
    static func syncingFully<Writer: DatabaseWriter>(_ writer: Writer) throws -> Writer {
        try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        return writer
    }

    /// Closes every connection (after a checkpoint, the WAL is folded into the
    /// database file). The store cannot be used afterwards.
    public func close() throws(StoreError) {
        do {
            // GRDB closes the writer before the (read-only) readers, so the last
            // connection cannot fold the WAL in: checkpoint explicitly first.
            _ = try database.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            if let pool = database as? DatabasePool { try pool.close() } else if let queue = database as? DatabaseQueue { try queue.close() }
            try keyring.close()
        } catch {
            throw Self.map(error)
        }
    }

    /// Reads every page of the database (`PRAGMA integrity_check`); a page that
    /// fails authentication is an ``StoreError/authenticationFailed(file:page:kind:)``.
    public func verifyIntegrity() async throws(StoreError) {
        let result = try await read { db in try DatabaseEncryption.check(db, pragma: "integrity_check") }
        guard result == ["ok"] else { throw .database("integrity check failed") }
    }

    /// Runs a write transaction, mapping errors to ``StoreError`` (a full
    /// disk names the data directory and its free space).
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await database.write { db in
                do { return try updates(db) } catch { throw DatabaseEncryption.authenticationError(error) }
            }
        } catch {
            let mapped = Self.map(error)
            if case .diskFull = mapped, let space { throw space.fullError() }
            throw mapped
        }
    }

    /// Runs a write transaction inside a group commit (see ``GroupCommit``):
    /// for turns, whose commits are many, small and concurrent.
    func groupWrite<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await groupCommit.write { db in
                do { return try updates(db) } catch { throw DatabaseEncryption.authenticationError(error) }
            }
        } catch { throw Self.map(error) }
    }

    func read<T: Sendable>(_ value: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await database.read { db in
                do { return try value(db) } catch { throw DatabaseEncryption.authenticationError(error) }
            }
        } catch { throw Self.map(error) }
    }

    /// SQLITE_IOERR_AUTH, which the VFS returns when a page fails authentication.
    static let authenticationFailureCode: Int32 = 10 | (28 << 8)
    /// SQLITE_IOERR_SHMSIZE: the WAL index could not grow (the disk is full).
    static let shmSizeFailureCode: Int32 = 10 | (19 << 8)

    /// Maps an error of an operation on `files` that began when the failure
    /// serial was `since` (opening, migrating, copying: outside a statement
    /// closure). An authentication failure is reported with its page only when
    /// a failure of one of those files was recorded since, by this thread or
    /// process-wide; never a failure of some other connection's file.
    static func map(_ error: any Error, files: [String], since: UInt64) -> StoreError {
        guard let database = error as? DatabaseError, database.extendedResultCode.rawValue == Self.authenticationFailureCode else {
            return map(error)
        }
        let wanted = files.map(DatabaseEncryption.canonical)
        let candidates = [DatabaseEncryption.failure(onThisThread: true), DatabaseEncryption.failure(onThisThread: false)]
        for case let failure? in candidates where failure.serial > since {
            let path = DatabaseEncryption.canonical(failure.path)
            if wanted.contains(where: { path == $0 || path.hasPrefix($0 + "-") }) {
                return .authenticationFailed(file: failure.path, page: failure.page, kind: failure.kind)
            }
        }
        return .authenticationFailed(file: files.first ?? "(unknown file)", page: nil, kind: "database")
    }

    private static func recoveryNotice(files: [String], since: UInt64) -> String? {
        let wanted = files.map(DatabaseEncryption.canonical)
        let candidates = [DatabaseEncryption.failure(onThisThread: true), DatabaseEncryption.failure(onThisThread: false)]
        for case let failure? in candidates where failure.serial > since && failure.recovery {
            let path = DatabaseEncryption.canonical(failure.path)
            guard wanted.contains(where: { path == $0 || path.hasPrefix($0 + "-") }) else { continue }
            return failure.kind == "journal"
                ? "rollback of the hot journal \(failure.path) stopped at the record of page \(failure.page), which failed authentication: a write cut short by a crash, or the file was modified outside Parley"
                : "recovery of the write-ahead log \(failure.path) ended the log before frame \(failure.page), which failed authentication, and discarded it and any later frames: a write cut short by a crash, or the file was modified outside Parley"
        }
        return nil
    }

    static func map(_ error: any Error) -> StoreError {
        switch error {
        case let error as StoreError:
            return error
        case let error as DatabaseError where error.extendedResultCode.rawValue == Self.authenticationFailureCode:
            // Outside a statement closure (opening, migrating): the process-wide report.
            guard let failure = DatabaseEncryption.failure(onThisThread: false) else {
                return .authenticationFailed(file: "(unknown file)", page: nil, kind: "database")
            }
            return .authenticationFailed(file: failure.path, page: failure.page, kind: failure.kind)
        case let error as DatabaseError where error.resultCode == .SQLITE_FULL || error.extendedResultCode.rawValue == Self.shmSizeFailureCode:
            return .diskFull(directory: nil, freeBytes: nil)
        case let error as DatabaseError where error.resultCode == .SQLITE_NOTADB:
            return .keys("the file is not an encrypted Parley database (or its first page is damaged)")
        case let error as DatabaseError:
            // GRDB hides bound values in descriptions unless told otherwise.
            return .database(error.description)
        case let error as CryptoError:
            return .keys(error.description)
        default:
            // Errors of Parley's own modules (crypto, audit) describe themselves without data.
            return .database(String(describing: error))
        }
    }
}
