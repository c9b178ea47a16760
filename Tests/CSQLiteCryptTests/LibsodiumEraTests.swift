import CSQLiteCrypt
import Foundation
import GRDBSQLite
import Testing

/// Databases written by libsodium alone (every Parley before the OpenSSL page
/// cipher) open unchanged with OpenSSL, and the reverse; and the VFS still
/// works, with libsodium, where OpenSSL has no ChaCha20-Poly1305.
@Suite("Databases of either page cipher implementation open with the other")
struct LibsodiumEraTests {
    let scratch = ScratchDirectory()

    /// Runs body with `cipher` sealing and opening the pages of this thread's
    /// connections (SQLite runs the VFS on the thread that steps).
    func with<T>(_ cipher: Int32, _ body: () throws -> T) throws -> T {
        try check(parley_crypt_use_cipher_on_this_thread(cipher), "choosing the cipher")
        defer { _ = parley_crypt_use_cipher_on_this_thread(PARLEY_CRYPT_CIPHER_DEFAULT) }
        return try body()
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test("the committed fixture, written before OpenSSL (main file and 8 WAL frames), opens unchanged and in full")
    func committedFixtureOpens() throws {
        let path = scratch.file("era.db")
        try FileBytes.copy(Self.fixtures.appendingPathComponent("libsodium-era.main").path, to: path)
        try FileBytes.copy(Self.fixtures.appendingPathComponent("libsodium-era.wal").path, to: path + "-wal")
        let main = FileBytes.read(path)
        #expect(main.count == 9 * 4_096)
        let db = try EncryptedDatabase(path: path, key: (0..<32).map { UInt8($0) })

        var frames: UInt64 = 0
        try check(parley_crypt_visit_wal(path, nil, nil, &frames), "visiting the WAL")
        #expect(frames == 8)
        try with(PARLEY_CRYPT_CIPHER_OPENSSL) {
            let c = try db.open()
            #expect(try c.text("PRAGMA parley_cipher_implementation") == "openssl")
            #expect(try c.integer("SELECT count(*) FROM t") == 180)
            #expect(try c.text("SELECT body FROM t WHERE id = 1") == "fixture row 0001, written before the OpenSSL cipher")
            #expect(try c.text("SELECT body FROM t WHERE id = 10") == "fixture row 0010, updated in the WAL")
            #expect(try c.text("SELECT body FROM t WHERE id = 175") == "fixture row 0175, only in the WAL")
            #expect(try c.integer("SELECT count(*) FROM t WHERE body LIKE '%updated in the WAL'") == 15)
            #expect(try c.text("PRAGMA integrity_check") == "ok")
            #expect(FileBytes.read(path) == main) // reading wrote nothing to the database file
        }

        // a checkpoint copies the libsodium frames in; then OpenSSL writes on top
        try with(PARLEY_CRYPT_CIPHER_OPENSSL) {
            let c = try db.open()
            try c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            try c.execute("INSERT INTO t(body) VALUES('written with OpenSSL')")
            try c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        var pages: UInt64 = 0
        try with(PARLEY_CRYPT_CIPHER_LIBSODIUM) {
            try check(parley_crypt_check_file(path, &pages), "checking every page")
            let c = try db.open()
            #expect(try c.integer("SELECT count(*) FROM t") == 181)
            #expect(try c.text("PRAGMA integrity_check") == "ok")
        }
        #expect(pages == UInt64(FileBytes.size(path) / 4_096))
    }

    struct Direction: CustomTestStringConvertible, Sendable {
        let writer: Int32
        let reader: Int32
        let journalMode: String
        var testDescription: String {
            "\(writer == PARLEY_CRYPT_CIPHER_LIBSODIUM ? "libsodium" : "OpenSSL") writes, "
                + "\(reader == PARLEY_CRYPT_CIPHER_LIBSODIUM ? "libsodium" : "OpenSSL") reads (\(journalMode))"
        }
    }

    static let directions: [Direction] = ["WAL", "DELETE"].flatMap { mode in
        [Direction(writer: PARLEY_CRYPT_CIPHER_LIBSODIUM, reader: PARLEY_CRYPT_CIPHER_OPENSSL, journalMode: mode),
         Direction(writer: PARLEY_CRYPT_CIPHER_OPENSSL, reader: PARLEY_CRYPT_CIPHER_LIBSODIUM, journalMode: mode)]
    }

    /// Several hundred pages: b-tree and index pages, overflow pages, free
    /// pages after a delete, and in WAL mode frames never checkpointed (the
    /// writer stays open, so no checkpoint at close moves them).
    @Test("a database of several hundred pages written by one implementation reads back exactly with the other",
          arguments: directions)
    func databaseCrossesImplementations(direction: Direction) throws {
        let db = try EncryptedDatabase(path: scratch.file("cross.db"), key: randomKey())
        try check(parley_crypt_use_cipher_on_this_thread(direction.writer), "choosing the writer's cipher")
        defer { _ = parley_crypt_use_cipher_on_this_thread(PARLEY_CRYPT_CIPHER_DEFAULT) }
        let writer = try db.open()
        try writer.execute("PRAGMA journal_mode = \(direction.journalMode)")
        try writer.execute("PRAGMA wal_autocheckpoint = 0")
        try writer.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT, blob BLOB)")
        try writer.execute("CREATE INDEX t_body ON t(body)")
        try writer.execute("BEGIN")
        for i in 0..<3_000 {
            try writer.rows("INSERT INTO t VALUES(?, ?, randomblob(?))",
                            [.integer(Int64(i)), .text("cross row \(i) " + String(repeating: "z", count: i % 300)),
                             .integer(Int64(i % 97 == 0 ? 9_000 : 40))])
        }
        try writer.execute("COMMIT")
        try writer.execute("DELETE FROM t WHERE id % 7 = 0")
        if direction.journalMode == "WAL" {
            try writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            try writer.execute("UPDATE t SET body = 'only in the WAL ' || id WHERE id % 11 = 0")
            #expect(FileBytes.size(db.path + "-wal") > 20 * 4_120)
        }
        let expected = try writer.rows("SELECT id, body, hex(blob) FROM t ORDER BY id")
        #expect(FileBytes.size(db.path) > 300 * 4_096)

        try check(parley_crypt_use_cipher_on_this_thread(direction.reader), "choosing the reader's cipher")
        let reader = try db.open()
        #expect(try reader.text("PRAGMA parley_cipher_implementation")
                == (direction.reader == PARLEY_CRYPT_CIPHER_LIBSODIUM ? "libsodium" : "openssl"))
        #expect(try reader.rows("SELECT id, body, hex(blob) FROM t ORDER BY id") == expected)
        #expect(try reader.text("PRAGMA integrity_check") == "ok")
        try reader.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        var pages: UInt64 = 0
        try check(parley_crypt_check_file(db.path, &pages), "checking every page")
        #expect(pages == UInt64(FileBytes.size(db.path) / 4_096))
    }

    @Test("WAL frames and a hot journal left by a crashed libsodium writer are recovered with OpenSSL")
    func crashedLibsodiumWriterRecovers() throws {
        let key = randomKey()
        let wal = try EncryptedDatabase(path: scratch.file("crash-wal.db"), key: key)
        try with(PARLEY_CRYPT_CIPHER_OPENSSL) {
            let c = try wal.open()
            try c.execute("PRAGMA journal_mode = WAL")
            try c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
        }
        let sodium = ["PARLEY_CRASH_WRITER_CIPHER": "libsodium"]
        #expect(try CrashWriter.run(["wal-commit", wal.path, "500", "Eramarker"], key: key, environment: sodium) == 0)
        #expect(FileBytes.size(wal.path + "-wal") > 10 * 4_120)
        try with(PARLEY_CRYPT_CIPHER_OPENSSL) {
            let c = try wal.open()
            #expect(try c.integer("SELECT count(*) FROM t WHERE body LIKE 'Eramarker crash %'") == 500)
            #expect(try c.text("PRAGMA integrity_check") == "ok")
        }

        let hot = try EncryptedDatabase(path: scratch.file("crash-hot.db"), key: key)
        let committed: [[Value]] = try with(PARLEY_CRYPT_CIPHER_OPENSSL) {
            let c = try hot.open()
            try c.execute("PRAGMA journal_mode = DELETE")
            try c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
            try c.execute("BEGIN")
            for i in 0..<2_000 { try c.rows("INSERT INTO t VALUES(?, ?)", [.integer(Int64(i)), .text("committed \(i)")]) }
            try c.execute("COMMIT")
            return try c.rows("SELECT id, body FROM t ORDER BY id")
        }
        #expect(try CrashWriter.run(["journal-uncommitted", hot.path], key: key, environment: sodium) == 0)
        #expect(FileBytes.size(hot.path + "-journal") > 10 * 4_104)
        try with(PARLEY_CRYPT_CIPHER_OPENSSL) {
            let c = try hot.open()
            #expect(try c.rows("SELECT id, body FROM t ORDER BY id") == committed)
            #expect(try c.text("PRAGMA integrity_check") == "ok")
        }
    }

    @Test("where OpenSSL has no ChaCha20-Poly1305 (FIPS-only configuration) the VFS uses libsodium, and its pages open with OpenSSL")
    func fipsOnlyOpenSSLFallsBackToLibsodium() throws {
        let key = randomKey()
        let db = try EncryptedDatabase(path: scratch.file("fips.db"), key: key)
        try with(PARLEY_CRYPT_CIPHER_OPENSSL) {
            let c = try db.open()
            try c.execute("PRAGMA journal_mode = WAL")
            try c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
        }
        let config = scratch.file("fips-only.cnf")
        try Data("""
            openssl_conf = openssl_init
            [openssl_init]
            alg_section = algorithm_sect
            [algorithm_sect]
            default_properties = fips=yes

            """.utf8).write(to: URL(fileURLWithPath: config))

        let fallback = try CrashWriter.output(["describe-cipher", db.path], key: key, environment: ["OPENSSL_CONF": config])
        #expect(fallback.status == 0)
        #expect(fallback.output == "libsodium: OpenSSL offers no ChaCha20-Poly1305 (a FIPS-only configuration?)\n")
        let normal = try CrashWriter.output(["describe-cipher", db.path], key: key)
        #expect(normal.status == 0)
        #expect(normal.output == "openssl: in use\n")

        try with(PARLEY_CRYPT_CIPHER_OPENSSL) {
            let c = try db.open()
            #expect(try c.integer("SELECT count(*) FROM t WHERE body = 'describe-cipher'") == 2)
            #expect(try c.text("PRAGMA integrity_check") == "ok")
        }
    }
}
