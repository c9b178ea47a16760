import GRDBSQLite
import CSQLiteCrypt
import Dispatch
import Glibc
import Synchronization
import Testing

@Suite("Several connections on several threads share one encrypted database")
struct ConcurrencyTests {
    let scratch = ScratchDirectory()

    @Test("writers and readers on their own threads and connections, WAL mode")
    func concurrentWritersAndReaders() throws {
        let db = try EncryptedDatabase(path: scratch.file("shared.db"), key: randomKey())
        do {
            let c = try db.open()
            try c.execute("PRAGMA journal_mode = WAL")
            try c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, worker INTEGER, body TEXT)")
        }
        let uri = db.uri
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 6) { worker in
            do {
                let c = try Connection(uri: uri)
                try c.execute("PRAGMA busy_timeout = 10000")
                for i in 0..<200 {
                    if worker < 3 {
                        try c.rows("INSERT INTO t(worker, body) VALUES(?, ?)", [.integer(Int64(worker)), .text("w\(worker) \(i) " + String(repeating: "c", count: 300))])
                    } else if i % 20 == 0 {
                        guard try c.text("PRAGMA quick_check") == "ok" else { throw SQLiteError(extendedCode: 0, message: "quick_check") }
                    } else {
                        _ = try c.integer("SELECT count(*) FROM t WHERE body LIKE 'w%'")
                    }
                }
            } catch {
                failures.withLock { $0.append("worker \(worker): \(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let c = try db.open()
        #expect(try c.integer("SELECT count(*) FROM t") == 600)
        #expect(try c.text("PRAGMA integrity_check") == "ok")
    }

    @Test("keys are set and cleared on some threads while others open databases")
    func registryUnderConcurrency() throws {
        try check(parley_crypt_register())
        let base = scratch.path
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            let path = "\(base)/r\(worker).db"
            for round in 0..<30 {
                let key = randomKey()
                guard parley_crypt_set_key(path, key) == SQLITE_OK else {
                    failures.withLock { $0.append("set \(worker)") }
                    return
                }
                do {
                    let c = try Connection(uri: "file:\(path)?vfs=\(PARLEY_CRYPT_VFS_NAME)")
                    try c.reserveBytes(40)
                    try c.execute("CREATE TABLE IF NOT EXISTS t(x); INSERT INTO t VALUES(\(round))")
                } catch {
                    failures.withLock { $0.append("open \(worker): \(error)") }
                }
                // a fresh key each round: the file must go
                _ = parley_crypt_clear_key(path)
                for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
            }
        }
        #expect(failures.withLock { $0 } == [])
    }
}
