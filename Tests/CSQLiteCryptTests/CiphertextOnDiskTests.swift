import GRDBSQLite
import CSQLiteCrypt
import Testing

@Suite("Nothing written through the VFS reaches the disk in clear")
struct CiphertextOnDiskTests {
    let scratch = ScratchDirectory()

    /// Every file of the database, scanned for the marker in UTF-8 and UTF-16LE.
    private func expectMarkerAbsent(_ marker: String, in db: EncryptedDatabase, sourceLocation: SourceLocation = #_sourceLocation) {
        for suffix in ["", "-wal", "-journal", "-shm"] where FileBytes.exists(db.path + suffix) {
            let bytes = FileBytes.read(db.path + suffix)
            #expect(!FileBytes.contains(bytes, Array(marker.utf8)), "UTF-8 marker in \(suffix)", sourceLocation: sourceLocation)
            #expect(!FileBytes.contains(bytes, marker.utf16LittleEndianBytes), "UTF-16LE marker in \(suffix)", sourceLocation: sourceLocation)
        }
        #expect(!FileBytes.contains(Array(FileBytes.read(db.path).prefix(16)), Array("SQLite format 3".utf8)),
                sourceLocation: sourceLocation)
    }

    @Test("a marker written in any encoding is in no file: database, WAL, journal",
          arguments: ["UTF-8", "UTF-16le"])
    func markerIsAbsentFromDatabaseWalAndJournal(encoding: String) throws {
        let marker = "Quokkazanzibar\(UInt32.random(in: 0...UInt32.max))"
        let db = try EncryptedDatabase(path: scratch.file("marker.db"), key: randomKey())
        let connection = try db.open()
        try connection.execute("PRAGMA encoding = '\(encoding)'")
        try connection.execute("PRAGMA journal_mode = WAL")
        try connection.execute("PRAGMA wal_autocheckpoint = 0")
        try connection.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT, blob BLOB)")
        try connection.execute("CREATE INDEX t_body ON t(body)")
        try connection.execute("BEGIN")
        for i in 0..<400 {
            // short rows, and long ones that spill to overflow pages
            let body = i % 10 == 0 ? String(repeating: "\(marker) long \(i) ", count: 300) : "\(marker) row \(i)"
            try connection.rows("INSERT INTO t(body, blob) VALUES(?, ?)", [.text(body), .blob(Array(marker.utf8))])
        }
        try connection.execute("COMMIT")
        #expect(FileBytes.size(db.path + "-wal") > 100_000)
        expectMarkerAbsent(marker, in: db)

        try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        #expect(FileBytes.size(db.path) > 100_000)
        expectMarkerAbsent(marker, in: db)

        // PERSIST keeps the journal, whose records hold the pages as they
        // were before the update: full of the marker.
        try connection.execute("PRAGMA journal_mode = PERSIST")
        try connection.execute("UPDATE t SET body = 'replaced ' || id")
        #expect(FileBytes.size(db.path + "-journal") > 100_000)
        expectMarkerAbsent(marker, in: db)
        #expect(try connection.integer("SELECT count(*) FROM t WHERE body LIKE 'replaced %'") == 400)
    }

    @Test("the file cannot be opened without the VFS: file is not a database")
    func fileIsNotADatabaseWithoutTheVFS() throws {
        let db = try EncryptedDatabase(path: scratch.file("opaque.db"), key: randomKey())
        do {
            let connection = try db.open()
            try connection.execute("CREATE TABLE t(x); INSERT INTO t VALUES('hello')")
        }
        let plain = try Connection(uri: "file:\(db.path)", flags: SQLITE_OPEN_READONLY)
        expectSQLiteError(SQLITE_NOTADB) {
            _ = try plain.integer("SELECT count(*) FROM sqlite_schema")
        }
    }
}
