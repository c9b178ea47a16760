import GRDBSQLite
import CSQLiteCrypt
import Testing

@Suite("Data written through the VFS reads back intact")
struct RoundTripTests {
    let scratch = ScratchDirectory()

    /// Rows with bodies from a fixed generator, some large enough for overflow pages.
    private func body(_ i: Int) -> String {
        let size = i % 97 == 0 ? 9_000 : 50 + (i * 7919) % 300
        var text = "row-\(i)-"
        var x = UInt64(i) &* 0x9E37_79B9_7F4A_7C15
        while text.utf8.count < size {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17
            text += String(x, radix: 36)
        }
        return text
    }

    @Test("inserts, updates, deletes and indices survive a close and reopen",
          arguments: ["WAL", "DELETE", "TRUNCATE", "PERSIST"])
    func largeWorkloadRoundTrips(journalMode: String) throws {
        let db = try EncryptedDatabase(path: scratch.file("round.db"), key: randomKey())
        do {
            let c = try db.open()
            try c.execute("PRAGMA journal_mode = \(journalMode)")
            try c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, k INTEGER, body TEXT)")
            try c.execute("CREATE INDEX t_k ON t(k)")
            for batch in 0..<20 {
                try c.execute("BEGIN")
                for i in (batch * 1000)..<((batch + 1) * 1000) {
                    try c.rows("INSERT INTO t(id, k, body) VALUES(?, ?, ?)", [.integer(Int64(i)), .integer(Int64(i % 113)), .text(body(i))])
                }
                try c.execute("COMMIT")
            }
            try c.execute("UPDATE t SET body = body || '-updated', k = k + 1000 WHERE id % 3 = 0")
            try c.execute("DELETE FROM t WHERE id % 5 = 0")
            try c.execute("CREATE INDEX t_body ON t(substr(body, 1, 12))")
        }
        let c = try db.open()
        #expect(try c.text("PRAGMA integrity_check") == "ok")
        #expect(try c.integer("SELECT count(*) FROM t") == 16_000)
        #expect(try c.integer("SELECT count(*) FROM t WHERE k >= 1000") == 5_333)
        for i in [1, 3, 97 * 3 * 7, 19_999] where i % 5 != 0 {
            let expected = body(i) + (i % 3 == 0 ? "-updated" : "")
            #expect(try c.text("SELECT body FROM t WHERE id = ?", [.integer(Int64(i))]) == expected)
        }
        #expect(try c.integer("SELECT count(*) FROM t WHERE substr(body, 1, 12) = substr(?, 1, 12)", [.text(body(7))]) == 1)
    }

    @Test("a sort bigger than the page cache spills to in-memory temp files and sorts right")
    func bigSortSpillsToMemoryFiles() throws {
        let db = try EncryptedDatabase(path: scratch.file("sort.db"), key: randomKey())
        let c = try db.open()
        try c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
        try c.execute("BEGIN")
        for i in 0..<30_000 {
            try c.rows("INSERT INTO t(id, body) VALUES(?, ?)", [.integer(Int64(i)), .text(body(i))])
        }
        try c.execute("COMMIT")
        try c.execute("PRAGMA cache_size = 10")
        try c.execute("PRAGMA temp_store = FILE")

        var openedBefore: UInt64 = 0
        #expect(parley_crypt_memory_file_stats(&openedBefore, nil, nil) == SQLITE_OK)
        // The sorter spills once it holds more than max(cache, 250 pages):
        // about 1 MiB here, against ~8 MiB of sort keys.
        let rows = try c.rows("SELECT id FROM t ORDER BY body DESC, id")
        var openedAfter: UInt64 = 0
        var peak: UInt64 = 0
        #expect(parley_crypt_memory_file_stats(&openedAfter, nil, &peak) == SQLITE_OK)
        #expect(openedAfter > openedBefore)
        #expect(peak > 1_000_000)

        let bodies = (0..<30_000).map(body)
        let expected = bodies.indices.sorted { bodies[$0] != bodies[$1] ? bodies[$0] > bodies[$1] : $0 < $1 }
        #expect(rows.count == 30_000)
        #expect(rows.prefix(50).map { $0[0] } == expected.prefix(50).map { .integer(Int64($0)) })
        #expect(rows.suffix(50).map { $0[0] } == expected.suffix(50).map { .integer(Int64($0)) })
        #expect(try c.text("PRAGMA integrity_check") == "ok")
    }

    @Test("VACUUM rewrites the file in place and keeps the database id")
    func vacuumKeepsTheDatabaseId() throws {
        let db = try EncryptedDatabase(path: scratch.file("vacuum.db"), key: randomKey())
        let c = try db.open()
        try c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
        try c.execute("BEGIN")
        for i in 0..<5_000 { try c.rows("INSERT INTO t VALUES(?, ?)", [.integer(Int64(i)), .text(body(i))]) }
        try c.execute("COMMIT")
        try c.execute("DELETE FROM t WHERE id % 2 = 0")
        let id = try c.text("PRAGMA parley_database_id")
        let sizeBefore = FileBytes.size(db.path)
        try c.execute("VACUUM")
        #expect(FileBytes.size(db.path) < sizeBefore)
        #expect(try c.text("PRAGMA parley_database_id") == id)
        #expect(hex(Array(FileBytes.read(db.path).prefix(16))) == id)
        #expect(try c.integer("SELECT count(*) FROM t") == 2_500)
        #expect(try c.text("PRAGMA integrity_check") == "ok")
    }

    @Test("with psow=0 in the URI the journal still uses 512-byte sectors, and rollbacks work")
    func journalWithoutPowersafeOverwrite() throws {
        let db = try EncryptedDatabase(path: scratch.file("psow.db"), key: randomKey())
        let c = try Connection(uri: db.uri + "&psow=0")
        try c.reserveBytes(40)
        try c.execute("PRAGMA journal_mode = PERSIST")
        try c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
        try c.execute("BEGIN")
        for i in 0..<3_000 { try c.rows("INSERT INTO t VALUES(?, ?)", [.integer(Int64(i)), .text(body(i))]) }
        try c.execute("COMMIT")
        try c.execute("BEGIN")
        try c.execute("UPDATE t SET body = 'gone'")
        // journal header: magic, nRec, nonce, size, then the sector size (BE)
        let header = Array(FileBytes.read(db.path + "-journal").prefix(28))
        #expect(header.count == 28 && Array(header[20..<24]) == [0, 0, 2, 0])
        try c.execute("ROLLBACK")
        try c.execute("SAVEPOINT a")
        try c.execute("DELETE FROM t WHERE id < 1000")
        try c.execute("ROLLBACK TO a")
        try c.execute("RELEASE a")
        #expect(try c.integer("SELECT count(*) FROM t WHERE body = 'gone'") == 0)
        #expect(try c.integer("SELECT count(*) FROM t") == 3_000)
        #expect(try c.text("PRAGMA integrity_check") == "ok")
    }

    @Test("WAL with synchronous=FULL and psow=0 in the URI commits: no frame is padded or split")
    func walWithFullSyncWithoutPowersafeOverwrite() throws {
        let db = try EncryptedDatabase(path: scratch.file("walfull.db"), key: randomKey())
        do {
            let c = try Connection(uri: db.uri + "&psow=0")
            try c.execute("PRAGMA page_size = 4096")
            try c.reserveBytes(40)
            try c.execute("PRAGMA journal_mode = WAL")
            try c.execute("PRAGMA synchronous = FULL")
            try c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
            for i in 0..<200 { try c.rows("INSERT INTO t VALUES(?, ?)", [.integer(Int64(i)), .text(body(i))]) }
        }
        let c = try Connection(uri: db.uri + "&psow=0")
        #expect(try c.integer("SELECT count(*) FROM t") == 200)
        #expect(try c.text("PRAGMA integrity_check") == "ok")
    }
}
