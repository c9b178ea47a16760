import GRDBSQLite
import CSQLiteCrypt
import Testing

@Suite("A process killed mid-write leaves a database that recovers")
struct CrashRecoveryTests {
    let scratch = ScratchDirectory()

    @Test("WAL frames of a process killed before any checkpoint are recovered")
    func walRecoveryAfterCrash() throws {
        let key = randomKey()
        let marker = "Crashmarker\(UInt32.random(in: 0...UInt32.max))"
        let db = try EncryptedDatabase(path: scratch.file("wal.db"), key: key)
        do {
            let c = try db.open()
            try c.execute("PRAGMA journal_mode = WAL")
            try c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
        }
        #expect(!FileBytes.exists(db.path + "-wal")) // the last close checkpointed and removed it

        #expect(try CrashWriter.run(["wal-commit", db.path, "1000", marker], key: key) == 0)
        #expect(FileBytes.size(db.path + "-wal") > 20 * 4_120)
        #expect(!FileBytes.contains(FileBytes.read(db.path + "-wal"), Array(marker.utf8)))

        let c = try db.open()
        #expect(try c.integer("SELECT count(*) FROM t WHERE body LIKE ?", [.text("\(marker) crash %")]) == 1000)
        #expect(try c.text("PRAGMA integrity_check") == "ok")
        #expect(AuthenticationFailure.last()?.path.hasPrefix(scratch.path) != true)
    }

    @Test("a hot journal left mid-transaction rolls the database back to its committed state",
          arguments: ["", "&psow=0"])
    func hotJournalRollbackAfterCrash(uriParameters: String) throws {
        let key = randomKey()
        let marker = "Hotmarker\(UInt32.random(in: 0...UInt32.max))"
        let db = try EncryptedDatabase(path: scratch.file("hot.db"), key: key)
        let committed: [[Value]]
        do {
            let c = try Connection(uri: db.uri + uriParameters)
            try c.reserveBytes(40)
            try c.execute("PRAGMA journal_mode = DELETE")
            try c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
            try c.execute("BEGIN")
            for i in 0..<3_000 {
                try c.rows("INSERT INTO t VALUES(?, ?)", [.integer(Int64(i)), .text("\(marker) \(i) " + String(repeating: "x", count: i % 200))])
            }
            try c.execute("COMMIT")
            committed = try c.rows("SELECT id, body FROM t ORDER BY id")
        }
        let before = FileBytes.read(db.path)

        #expect(try CrashWriter.run(["journal-uncommitted", db.path], key: key, uriParameters: uriParameters) == 0)
        let journal = FileBytes.read(db.path + "-journal")
        #expect(journal.count > 100 * 4_104)
        #expect(!FileBytes.contains(journal, Array(marker.utf8)))
        // the writer's cache spilled: the database file holds uncommitted pages
        #expect(FileBytes.read(db.path) != before)

        let c = try Connection(uri: db.uri + uriParameters)
        #expect(try c.rows("SELECT id, body FROM t ORDER BY id") == committed)
        #expect(try c.text("PRAGMA integrity_check") == "ok")
        #expect(!FileBytes.exists(db.path + "-journal"))
    }
}
