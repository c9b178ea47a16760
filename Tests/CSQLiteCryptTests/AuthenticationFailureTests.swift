import GRDBSQLite
import CSQLiteCrypt
import Testing

/// Tampering, wrong keys, replays. Serialized: the last-failure slot is
/// process-wide, and every test that causes an authentication failure lives
/// in this suite (or an extension of it), so that no other test overwrites
/// the slot between a failure and its check.
@Suite("Tampering is detected and reported", .serialized)
struct AuthenticationFailureTests {
    let scratch = ScratchDirectory()

    /// A rollback-journal database whose pages all sit in the main file.
    func makeDatabase(_ name: String, key: [UInt8], rows: Int = 600) throws -> EncryptedDatabase {
        let db = try EncryptedDatabase(path: scratch.file(name), key: key)
        let c = try db.open()
        try c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
        try c.execute("CREATE INDEX t_body ON t(body)")
        try c.execute("BEGIN")
        for i in 0..<rows {
            try c.rows("INSERT INTO t VALUES(?, ?)", [.integer(Int64(i)), .text("row \(i) " + String(repeating: "y", count: 100))])
        }
        try c.execute("COMMIT")
        return db
    }

    /// Runs a full read of every page and expects it to fail with
    /// SQLITE_IOERR_AUTH_CODE, recorded in the slot for `path`, `kind`, `page`.
    func expectAuthFailure(reading db: EncryptedDatabase, path: String? = nil, kind: Character, page: Set<UInt32>,
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        let serial = AuthenticationFailure.serialNow
        expectSQLiteError(SQLITE_IOERR_AUTH_CODE, sourceLocation: sourceLocation) {
            let c = try Connection(uri: db.uri)
            _ = try c.rows("PRAGMA integrity_check")
        }
        let failure = AuthenticationFailure.last()
        #expect(failure != nil && failure!.serial > serial, sourceLocation: sourceLocation)
        #expect(failure?.path == (path ?? db.path), sourceLocation: sourceLocation)
        #expect(failure?.kind == kind, sourceLocation: sourceLocation)
        #expect(failure.map { page.contains($0.page) } == true, "page \(String(describing: failure?.page))",
                sourceLocation: sourceLocation)
    }

    struct Flip: Sendable, CustomTestStringConvertible {
        let page: Int
        let offsetInPage: Int
        let what: String
        var testDescription: String { "page \(page) byte \(offsetInPage) (\(what))" }
    }

    @Test("one flipped byte anywhere in a database page fails the read with SQLITE_IOERR_AUTH",
          arguments: [
              Flip(page: 1, offsetInPage: 200, what: "page 1 beyond the id"),
              Flip(page: 1, offsetInPage: 4_060, what: "page 1 nonce"),
              Flip(page: 1, offsetInPage: 4_090, what: "page 1 tag"),
              Flip(page: 2, offsetInPage: 1_000, what: "ciphertext"),
              Flip(page: 5, offsetInPage: 4_070, what: "nonce"),
              Flip(page: 7, offsetInPage: 4_095, what: "last byte of the tag"),
              Flip(page: 12, offsetInPage: 0, what: "first byte"),
          ])
    func flippedByteInDatabasePage(flip: Flip) throws {
        let db = try makeDatabase("flip.db", key: randomKey())
        #expect(FileBytes.size(db.path) >= 12 * 4_096)
        try FileBytes.flip(db.path, at: (flip.page - 1) * 4_096 + flip.offsetInPage)
        try expectAuthFailure(reading: db, kind: "D", page: [UInt32(flip.page)])
    }

    @Test("two swapped pages fail authentication")
    func swappedPages() throws {
        let db = try makeDatabase("swap.db", key: randomKey())
        var bytes = FileBytes.read(db.path)
        let three = Array(bytes[(2 * 4_096)..<(3 * 4_096)])
        bytes.replaceSubrange((2 * 4_096)..<(3 * 4_096), with: bytes[(3 * 4_096)..<(4 * 4_096)])
        bytes.replaceSubrange((3 * 4_096)..<(4 * 4_096), with: three)
        try FileBytes.write(bytes, to: db.path)
        try expectAuthFailure(reading: db, kind: "D", page: [3, 4])
    }

    @Test("a page copied from another database under the same key fails: the id is bound")
    func pageFromAnotherDatabaseWithTheSameKey() throws {
        let key = randomKey()
        let first = try makeDatabase("first.db", key: key)
        let second = try makeDatabase("second.db", key: key)
        var bytes = FileBytes.read(second.path)
        bytes.replaceSubrange(4_096..<8_192, with: FileBytes.read(first.path)[4_096..<8_192])
        try FileBytes.write(bytes, to: second.path)
        try expectAuthFailure(reading: second, kind: "D", page: [2])
    }

    @Test("a wrong key fails on the first read, of page 1")
    func wrongKey() throws {
        let db = try makeDatabase("wrong.db", key: randomKey())
        try check(parley_crypt_set_key(db.path, randomKey()))
        try expectAuthFailure(reading: db, kind: "D", page: [1])
    }

    @Test("changing the database id in page 1 fails authentication")
    func changedDatabaseId() throws {
        let db = try makeDatabase("id.db", key: randomKey())
        try FileBytes.flip(db.path, at: 5)
        try expectAuthFailure(reading: db, kind: "D", page: [1])
    }

    /// Offsets relative to the frame's content: -21 is the low byte of the page
    /// number in the frame header, to which the content is bound.
    @Test("a flipped byte in a WAL frame the log index already holds fails with SQLITE_IOERR_AUTH",
          arguments: [100, 4_060, 4_090, -21])
    func flippedByteInLiveWalFrame(offsetInContent: Int) throws {
        let db = try EncryptedDatabase(path: scratch.file("wal.db"), key: randomKey())
        let writer = try db.open()
        try writer.execute("PRAGMA journal_mode = WAL")
        try writer.execute("PRAGMA wal_autocheckpoint = 0")
        try writer.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
        for batch in 0..<3 {
            try writer.execute("BEGIN")
            for i in 0..<100 { try writer.rows("INSERT INTO t(body) VALUES(?)", [.text("wal \(batch) \(i) " + String(repeating: "z", count: 200))]) }
            try writer.execute("COMMIT")
        }
        // The writer stays open: the WAL index in -shm is built and trusted.
        let frames = (FileBytes.size(db.path + "-wal") - 32) / 4_120
        #expect(frames > 10)
        try FileBytes.flip(db.path + "-wal", at: 32 + (frames - 1) * 4_120 + 24 + offsetInContent)
        try expectAuthFailure(reading: db, path: db.path + "-wal", kind: "W", page: [UInt32(frames)])
    }

    @Test("WAL recovery ends the log before a forged frame, discards what follows, and records it")
    func walRecoveryStopsAtForgedFrame() throws {
        let key = randomKey()
        let db = try EncryptedDatabase(path: scratch.file("forged.db"), key: key)
        do {
            let c = try db.open()
            try c.execute("PRAGMA journal_mode = WAL")
            try c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
        }
        #expect(try CrashWriter.run(["wal-commit", db.path, "1000", "forged"], key: key) == 0)
        let frames = (FileBytes.size(db.path + "-wal") - 32) / 4_120
        try FileBytes.flip(db.path + "-wal", at: 32 + (frames - 1) * 4_120 + 24 + 777)

        let serial = AuthenticationFailure.serialNow
        let c = try db.open()
        // the last transaction (100 rows) ended in the forged frame
        #expect(try c.integer("SELECT count(*) FROM t") == 900)
        #expect(try c.text("PRAGMA integrity_check") == "ok")
        let failure = AuthenticationFailure.last()
        #expect(failure != nil && failure!.serial > serial)
        #expect(failure?.kind == "w")
        #expect(failure?.page == UInt32(frames))
        #expect(failure?.path == db.path + "-wal")
    }

    /// Offsets in the first record: 3 is the low byte of its page number, to
    /// which the image is bound; 304 is inside the image.
    @Test("a tampered record in this connection's own journal fails the rollback: recorded, logged, pager reset",
          arguments: [3, 304])
    func tamperedOwnJournalRecord(offsetInRecord: Int) throws {
        let db = try makeDatabase("journal.db", key: randomKey())
        let c = try db.open()
        let before = try c.rows("SELECT * FROM t ORDER BY id")
        try c.execute("BEGIN")
        try c.execute("UPDATE t SET body = 'changed'")
        // header: one 512-byte sector; first record: page number, image, checksum
        let journal = FileBytes.read(db.path + "-journal")
        #expect(journal.count > 512 + 4_104)
        let firstPage = UInt32(journal[512]) << 24 | UInt32(journal[513]) << 16 | UInt32(journal[514]) << 8 | UInt32(journal[515])
        try FileBytes.flip(db.path + "-journal", at: 512 + offsetInRecord)

        let serial = AuthenticationFailure.serialNow
        // SQLite discards the pager's error inside ROLLBACK (sqlite3RollbackAll
        // ignores it): the statement succeeds, the pager is reset, and the
        // failure shows in the slot and the log.
        try c.execute("ROLLBACK")
        let failure = AuthenticationFailure.last()
        #expect(failure != nil && failure!.serial > serial)
        #expect(failure?.kind == "J")
        #expect(failure?.page == (offsetInRecord < 4 ? firstPage ^ 1 : firstPage))
        #expect(failure?.path == db.path + "-journal")
        // The database file was never written: what is read back is committed data.
        #expect(try c.rows("SELECT * FROM t ORDER BY id") == before)
        #expect(try db.open().text("PRAGMA integrity_check") == "ok")
    }
}
