import GRDBSQLite
import CSQLiteCrypt
import Testing

@Suite("Databases migrate into the VFS with VACUUM INTO and the backup API")
struct MigrationTests {
    let scratch = ScratchDirectory()

    private func fill(_ c: Connection, marker: String, rows: Int = 2_000) throws {
        try c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
        try c.execute("CREATE INDEX t_body ON t(body)")
        try c.execute("CREATE VIEW v AS SELECT count(*) AS n FROM t")
        try c.execute("BEGIN")
        for i in 0..<rows {
            try c.rows("INSERT INTO t VALUES(?, ?)", [.integer(Int64(i)), .text("\(marker) \(i) " + String(repeating: "m", count: i % 300))])
        }
        try c.execute("COMMIT")
        try c.execute("PRAGMA user_version = 42")
    }

    private func expectNoMarker(_ marker: String, at path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for suffix in ["", "-wal", "-journal"] where FileBytes.exists(path + suffix) {
            #expect(!FileBytes.contains(FileBytes.read(path + suffix), Array(marker.utf8)), "\(suffix)", sourceLocation: sourceLocation)
        }
    }

    @Test("VACUUM INTO turns a plain database into an encrypted one",
          arguments: [1_024, 4_096])
    func vacuumIntoFromPlain(sourcePageSize: Int) throws {
        let marker = "Plainmarker\(UInt32.random(in: 0...UInt32.max))"
        let source = try Connection(uri: "file:\(scratch.file("plain.db"))")
        try source.execute("PRAGMA page_size = \(sourcePageSize)")
        try source.execute("PRAGMA journal_mode = WAL")
        try fill(source, marker: marker)
        let expected = try source.rows("SELECT * FROM t ORDER BY id")

        let target = try EncryptedDatabase(path: scratch.file("encrypted.db"), key: randomKey())
        // Both settings are read by VACUUM INTO from the SOURCE connection.
        // Order matters: PRAGMA page_size resets the reserve request, and so
        // does every VACUUM: set the page size, then the reserve, right before.
        try source.execute("PRAGMA page_size = 4096")
        try source.reserveBytes(40)
        try source.execute("VACUUM INTO '\(target.uri)'")

        expectNoMarker(marker, at: target.path)
        let c = try Connection(uri: target.uri)
        #expect(try c.rows("SELECT * FROM t ORDER BY id") == expected)
        #expect(try c.integer("SELECT n FROM v") == 2_000)
        #expect(try c.integer("PRAGMA user_version") == 42)
        #expect(try c.integer("PRAGMA page_size") == 4_096)
        #expect(try c.currentReserveBytes() == 40)
        #expect(try c.text("PRAGMA parley_cipher") == "xchacha20poly1305")
        #expect(try c.text("PRAGMA integrity_check") == "ok")
    }

    @Test("VACUUM INTO from a plain database without the reserve request is refused, nothing in clear")
    func vacuumIntoWithoutReserveIsRefused() throws {
        let marker = "Refusedmarker\(UInt32.random(in: 0...UInt32.max))"
        let source = try Connection(uri: "file:\(scratch.file("plain.db"))")
        try fill(source, marker: marker, rows: 200)
        let target = try EncryptedDatabase(path: scratch.file("refused.db"), key: randomKey())
        expectSQLiteError(SQLITE_IOERR_WRITE_CODE) { try source.execute("VACUUM INTO '\(target.uri)'") }
        expectNoMarker(marker, at: target.path)
        #expect(FileBytes.size(target.path) == 0)
    }

    @Test("the backup API copies an encrypted database to another encrypted path under its own key")
    func backupBetweenEncryptedDatabases() throws {
        let marker = "Backupmarker\(UInt32.random(in: 0...UInt32.max))"
        let source = try EncryptedDatabase(path: scratch.file("source.db"), key: randomKey())
        let s = try source.open()
        try s.execute("PRAGMA journal_mode = WAL")
        try fill(s, marker: marker)
        let expected = try s.rows("SELECT * FROM t ORDER BY id")

        let destination = try EncryptedDatabase(path: scratch.file("copy.db"), key: randomKey())
        let d = try Connection(uri: destination.uri)
        let backup = try #require(sqlite3_backup_init(d.handle, "main", s.handle, "main"))
        #expect(sqlite3_backup_step(backup, 100) == SQLITE_OK)   // in steps, as a live backup would
        #expect(sqlite3_backup_step(backup, -1) == SQLITE_DONE)
        #expect(sqlite3_backup_finish(backup) == SQLITE_OK)

        expectNoMarker(marker, at: destination.path)
        #expect(try d.rows("SELECT * FROM t ORDER BY id") == expected)
        #expect(try d.text("PRAGMA integrity_check") == "ok")
        #expect(try d.text("PRAGMA parley_database_id") != s.text("PRAGMA parley_database_id"))
        #expect(try d.currentReserveBytes() == 40)
    }
}

extension AuthenticationFailureTests {
    @Test("VACUUM INTO rotates a database from key A to key B; the result opens only with B")
    func vacuumIntoRotatesTheKey() throws {
        let keyA = randomKey()
        let keyB = randomKey()
        let source = try EncryptedDatabase(path: scratch.file("a.db"), key: keyA)
        let s = try source.open()
        try s.execute("PRAGMA journal_mode = WAL")
        try s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
        for i in 0..<500 { try s.rows("INSERT INTO t VALUES(?, ?)", [.integer(Int64(i)), .text("rotate \(i)")]) }
        let expected = try s.rows("SELECT * FROM t ORDER BY id")

        let target = try EncryptedDatabase(path: scratch.file("b.db"), key: keyB)
        try s.execute("VACUUM INTO '\(target.uri)'")  // the source already has 40 reserved bytes
        do {
            let c = try Connection(uri: target.uri)
            #expect(try c.rows("SELECT * FROM t ORDER BY id") == expected)
            #expect(try c.text("PRAGMA integrity_check") == "ok")
        }
        try check(parley_crypt_set_key(target.path, keyA))
        try expectAuthFailure(reading: target, kind: "D", page: [1])
    }
}
