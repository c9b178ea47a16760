import GRDBSQLite
import CSQLiteCrypt
import Dispatch
import Foundation
import Synchronization
import Testing

@Suite("Keys are registered per database path")
struct KeyRegistryTests {
    let scratch = ScratchDirectory()

    @Test("a database with no registered key cannot be opened, and no file is created")
    func missingKeyIsCantOpen() throws {
        try check(parley_crypt_register())
        let path = scratch.file("nokey.db")
        expectSQLiteError(SQLITE_CANTOPEN) {
            _ = try Connection(uri: "file:\(path)?vfs=\(PARLEY_CRYPT_VFS_NAME)")
        }
        #expect(!FileBytes.exists(path))
    }

    @Test("registration is idempotent from many threads at once")
    func registerIsIdempotentAndThreadSafe() {
        let results = Mutex<[Int32]>([])
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            let rc = parley_crypt_register()
            results.withLock { $0.append(rc) }
        }
        #expect(results.withLock { $0 } == Array(repeating: SQLITE_OK, count: 16))
        let vfs = sqlite3_vfs_find(PARLEY_CRYPT_VFS_NAME)
        #expect(vfs != nil)
        #expect(sqlite3_vfs_find(nil) != vfs) // never the default
        var count = 0
        var cursor = sqlite3_vfs_find(nil)
        while let v = cursor {
            if String(cString: v.pointee.zName) == PARLEY_CRYPT_VFS_NAME { count += 1 }
            cursor = v.pointee.pNext
        }
        #expect(count == 1)
    }

    @Test("a cleared key refuses new opens; open connections keep working until closed")
    func clearedKeyRefusesNewOpens() throws {
        let db = try EncryptedDatabase(path: scratch.file("clear.db"), key: randomKey())
        let open = try db.open()
        try open.execute("CREATE TABLE t(x); INSERT INTO t VALUES(1)")
        #expect(parley_crypt_clear_key(db.path) == SQLITE_OK)
        #expect(parley_crypt_clear_key(db.path) == SQLITE_NOTFOUND)
        expectSQLiteError(SQLITE_CANTOPEN) { _ = try db.open() }
        try open.execute("INSERT INTO t VALUES(2)")
        #expect(try open.integer("SELECT sum(x) FROM t") == 3)
    }

    @Test("the key is found whatever name the path is given: relative, through a symlink, with ..")
    func keyIsFoundThroughEquivalentPaths() throws {
        let key = randomKey()
        try FileManager.default.createDirectory(atPath: scratch.file("real"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.file("link"), withDestinationPath: scratch.file("real"))
        // registered through the symlink, opened through the real directory
        try check(parley_crypt_set_key(scratch.file("link/db.sqlite"), key))
        let real = scratch.file("real/db.sqlite")
        do {
            let c = try Connection(uri: "file:\(real)?vfs=\(PARLEY_CRYPT_VFS_NAME)")
            try c.reserveBytes(40)
            try c.execute("CREATE TABLE t(x); INSERT INTO t VALUES(42)")
        }
        let dotted = try Connection(uri: "file:\(scratch.file("real/../link/db.sqlite"))?vfs=\(PARLEY_CRYPT_VFS_NAME)")
        #expect(try dotted.integer("SELECT x FROM t") == 42)
        // relative to the working directory
        let cwd = FileManager.default.currentDirectoryPath
        #expect(FileManager.default.changeCurrentDirectoryPath(scratch.file("real")))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(cwd) }
        #expect(parley_crypt_clear_key("db.sqlite") == SQLITE_OK)
        expectSQLiteError(SQLITE_CANTOPEN) { _ = try Connection(uri: "file:\(real)?vfs=\(PARLEY_CRYPT_VFS_NAME)") }
    }

    @Test("a plaintext database is refused at open as not a database, never read in clear")
    func plaintextDatabaseIsRefused() throws {
        let path = scratch.file("plain.db")
        do {
            let plain = try Connection(uri: "file:\(path)")
            try plain.execute("CREATE TABLE t(x); INSERT INTO t VALUES('clear')")
        }
        try check(parley_crypt_set_key(path, randomKey()))
        expectSQLiteError(SQLITE_NOTADB) {
            _ = try Connection(uri: "file:\(path)?vfs=\(PARLEY_CRYPT_VFS_NAME)")
        }
    }

    @Test("a replaced key is used by new connections")
    func replacedKeyAppliesToNewConnections() throws {
        let first = randomKey()
        let db = try EncryptedDatabase(path: scratch.file("replace.db"), key: first)
        do {
            let c = try db.open()
            try c.execute("CREATE TABLE t(x); INSERT INTO t VALUES(7)")
        }
        try check(parley_crypt_set_key(db.path, randomKey()))
        try check(parley_crypt_set_key(db.path, first))
        #expect(try db.open().integer("SELECT x FROM t") == 7)
    }
}
