import GRDBSQLite
import CSQLiteCrypt
import Testing

/// A new database whose first transaction outgrows the page cache: SQLite
/// writes (spills) other pages before page 1, which stays pinned until the
/// commit. The VFS once took the hole where page 1 would go for the database
/// id, so the pages spilled first no longer authenticated (issue 11: backups
/// of databases past ~2 MB). `cache_size = 10` makes small databases take the
/// spill path that only large ones take with the default cache.
@Suite("New databases larger than the page cache")
struct CacheSpillTests {
    let scratch = ScratchDirectory()

    private func expectIntact(_ db: EncryptedDatabase, rows: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let c = try Connection(uri: db.uri)
        #expect(try c.text("PRAGMA integrity_check") == "ok", sourceLocation: sourceLocation)
        #expect(try c.integer("SELECT count(*) FROM t") == Int64(rows), sourceLocation: sourceLocation)
        #expect(try c.text("SELECT body FROM t WHERE id = 7") == body(7), sourceLocation: sourceLocation)
        var pages: UInt64 = 0
        #expect(parley_crypt_check_file(db.path, &pages) == SQLITE_OK, sourceLocation: sourceLocation)
        #expect(Int64(pages) == (try c.integer("PRAGMA page_count")), sourceLocation: sourceLocation)
        #expect(FileBytes.read(db.path).prefix(16).contains { $0 != 0 }, "page 1 holds a database id", sourceLocation: sourceLocation)
    }

    @Test("one transaction far larger than a 10-page cache commits and reads back, in every journal mode",
          arguments: ["DELETE", "TRUNCATE", "PERSIST", "MEMORY", "OFF", "WAL"])
    func largeFirstTransaction(journalMode: String) throws {
        let db = try EncryptedDatabase(path: scratch.file("spill.db"), key: randomKey())
        do {
            let c = try db.open()
            try c.execute("PRAGMA journal_mode = \(journalMode)")
            try c.execute("PRAGMA cache_size = 10")
            try c.execute("BEGIN")
            try fill(c, rows: 3_000)
            // Pages spilled and evicted are read back inside the transaction.
            #expect(try c.integer("SELECT sum(length(body)) FROM t") == (0..<3_000).reduce(0) { $0 + Int64(body($1).utf8.count) })
            try c.execute("COMMIT")
        }
        try expectIntact(db, rows: 3_000)
    }

    @Test("a spilled first transaction rolled back leaves an empty file that a new transaction fills")
    func rolledBackSpill() throws {
        let db = try EncryptedDatabase(path: scratch.file("rollback.db"), key: randomKey())
        let c = try db.open()
        try c.execute("PRAGMA cache_size = 10")
        try c.execute("BEGIN")
        try fill(c, rows: 2_000)
        try c.execute("ROLLBACK")
        try c.execute("BEGIN")
        try fill(c, rows: 2_500)
        try c.execute("COMMIT")
        try expectIntact(db, rows: 2_500)
    }

    @Test("VACUUM INTO a new file takes the source's small cache and spills; the copy opens page by page")
    func vacuumIntoSpills() throws {
        let source = try EncryptedDatabase(path: scratch.file("source.db"), key: randomKey())
        let s = try source.open()
        try s.execute("PRAGMA journal_mode = WAL")
        try s.execute("BEGIN")
        try fill(s, rows: 3_000)
        try s.execute("COMMIT")
        try s.execute("PRAGMA cache_size = 10")

        let target = try EncryptedDatabase(path: scratch.file("copy.db"), key: randomKey())
        try s.execute("VACUUM INTO '\(target.uri)'")
        try expectIntact(target, rows: 3_000)
    }

    @Test("the backup API into a new file with a 10-page cache, in one step and in steps",
          arguments: [-1, 37])
    func backupSpills(pagesPerStep: Int32) throws {
        let source = try EncryptedDatabase(path: scratch.file("source.db"), key: randomKey())
        let s = try source.open()
        try s.execute("PRAGMA journal_mode = WAL")
        try s.execute("BEGIN")
        try fill(s, rows: 3_000)
        try s.execute("COMMIT")

        let target = try EncryptedDatabase(path: scratch.file("copy.db"), key: randomKey())
        do {
            let d = try Connection(uri: target.uri)
            try d.execute("PRAGMA cache_size = 10")
            let backup = try #require(sqlite3_backup_init(d.handle, "main", s.handle, "main"))
            var rc = SQLITE_OK
            repeat { rc = sqlite3_backup_step(backup, pagesPerStep) } while rc == SQLITE_OK
            #expect(rc == SQLITE_DONE)
            #expect(sqlite3_backup_finish(backup) == SQLITE_OK)
        }
        try expectIntact(target, rows: 3_000)
    }

}

private func body(_ i: Int) -> String {
    "spill-\(i)-" + String(repeating: String(UnicodeScalar(UInt8(97 + i % 26))), count: 200 + i % 150)
}

private func fill(_ c: Connection, rows: Int) throws {
    try c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
    try c.execute("CREATE INDEX t_body ON t(body)")
    for i in 0..<rows {
        try c.rows("INSERT INTO t VALUES(?, ?)", [.integer(Int64(i)), .text(body(i))])
    }
}

/// The page-by-page check (`parley_crypt_check_file`) that a backup runs on its copy.
extension AuthenticationFailureTests {
    @Test("the page check names a damaged free page that integrity_check cannot see")
    func pageCheckSeesFreePages() throws {
        let db = try EncryptedDatabase(path: scratch.file("free.db"), key: randomKey())
        do {
            let c = try db.open()
            try c.execute("CREATE TABLE keep(id INTEGER PRIMARY KEY, body TEXT)")
            try c.rows("INSERT INTO keep VALUES(1, 'kept')")
            try c.execute("BEGIN")
            try fill(c, rows: 1_000)
            try c.execute("COMMIT")
            try c.execute("DROP TABLE t")
            #expect(try c.integer("PRAGMA freelist_count")! > 20)
        }
        let pages = FileBytes.size(db.path) / 4096
        // A page in the middle of the freed run: a freelist leaf, which SQLite never reads.
        let damaged = pages / 2
        try FileBytes.flip(db.path, at: (damaged - 1) * 4096 + 100)

        let c = try Connection(uri: db.uri)
        #expect(try c.text("PRAGMA integrity_check") == "ok")
        let before = AuthenticationFailure.serialNow
        var opened: UInt64 = 0
        #expect(parley_crypt_check_file(db.path, &opened) == SQLITE_IOERR_AUTH_CODE)
        #expect(opened == UInt64(damaged - 1))
        let failure = try #require(AuthenticationFailure.last())
        #expect(failure.serial > before)
        #expect(failure.page == UInt32(damaged))
        #expect(failure.kind == "D")
    }

    @Test("the page check refuses a file cut short, a file without page 1, and a file with no key")
    func pageCheckRefusals() throws {
        let db = try EncryptedDatabase(path: scratch.file("cut.db"), key: randomKey())
        do {
            let c = try db.open()
            try fill(c, rows: 200)
        }
        var bytes = FileBytes.read(db.path)
        try FileBytes.write(Array(bytes.dropLast(100)), to: db.path)
        #expect(parley_crypt_check_file(db.path, nil) == SQLITE_IOERR_AUTH_CODE)

        for i in 0..<16 { bytes[i] = 0 }
        try FileBytes.write(bytes, to: db.path)
        #expect(parley_crypt_check_file(db.path, nil) == SQLITE_IOERR_AUTH_CODE)
        #expect(AuthenticationFailure.last()?.page == 1)

        try FileBytes.write(bytes, to: scratch.file("nokey.db"))
        #expect(parley_crypt_check_file(scratch.file("nokey.db"), nil) == SQLITE_CANTOPEN)
    }
}
