import GRDBSQLite
import CSQLiteCrypt
import Testing

@Suite("The VFS answers its own pragmas")
struct PragmaTests {
    let scratch = ScratchDirectory()

    @Test("PRAGMA parley_cipher says xchacha20poly1305 through the VFS, and nothing without it")
    func cipherPragma() throws {
        let db = try EncryptedDatabase(path: scratch.file("p.db"), key: randomKey())
        let c = try db.open()
        #expect(try c.text("PRAGMA parley_cipher") == "xchacha20poly1305")
        let plain = try Connection(uri: "file:\(scratch.file("plain.db"))")
        #expect(try plain.rows("PRAGMA parley_cipher").isEmpty)
    }

    @Test("PRAGMA parley_cipher cannot be set")
    func cipherPragmaIsReadOnly() throws {
        let c = try EncryptedDatabase(path: scratch.file("ro.db"), key: randomKey()).open()
        expectSQLiteError(SQLITE_ERROR) { try c.execute("PRAGMA parley_cipher = 'none'") }
    }

    @Test("PRAGMA parley_database_id is the clear id at the start of the file, stable across opens")
    func databaseIdPragma() throws {
        let db = try EncryptedDatabase(path: scratch.file("id.db"), key: randomKey())
        let id: String?
        do {
            let c = try db.open()
            try c.execute("CREATE TABLE t(x)")
            id = try c.text("PRAGMA parley_database_id")
        }
        #expect(id?.count == 32)
        #expect(id == hex(Array(FileBytes.read(db.path).prefix(16))))
        #expect(try db.open().text("PRAGMA parley_database_id") == id)
        let other = try EncryptedDatabase(path: scratch.file("other.db"), key: randomKey()).open()
        try other.execute("CREATE TABLE t(x)")
        #expect(try other.text("PRAGMA parley_database_id") != id)
    }

    @Test("the file reports the stacked VFS name")
    func vfsName() throws {
        let c = try EncryptedDatabase(path: scratch.file("name.db"), key: randomKey()).open()
        var name: UnsafeMutablePointer<CChar>?
        #expect(sqlite3_file_control(c.handle, "main", SQLITE_FCNTL_VFSNAME, &name) == SQLITE_OK)
        #expect(name.map { String(cString: $0) } == "parley-crypt/unix")
        sqlite3_free(name)
    }
}
