import GRDBSQLite
import Glibc

/// What one run of the workload measured (seconds), as sqlbench.c prints it.
struct Measurement: Sendable {
    var inserts: Double = 0          // (a) wall clock
    var transactions: Double = 0     // (b)
    var selects: Double = 0          // (c)
    var insertsCPU: Double = 0       // (a) process CPU time (user + system)
    var transactionsCPU: Double = 0  // (b)
    var selectsCPU: Double = 0       // (c)
    var pageSize: Int32 = 0
    var fileSize: Int = 0
    var bytesRead = 0
    var encrypted = false
    var pagesWrittenA: Int32 = 0
    var pagesWrittenB: Int32 = 0
    var pageMissesC: Int32 = 0
    /// The VFS's page counters over each workload (zero for the plain arms).
    var pagesA = PageStats()
    var pagesB = PageStats()
    var pagesC = PageStats()
}

/// The workload of /work/shared/bench/sqlcipher/sqlbench.c, step for step,
/// with the same xorshift generator and seed, so every arm (and the C build)
/// writes the same rows and reads the same ids.
struct Workload {
    private var rng: UInt64 = 88_172_645_463_325_252
    private let body = UnsafeMutablePointer<CChar>.allocate(capacity: 512)
    private let conv = UnsafeMutablePointer<CChar>.allocate(capacity: 32)
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,".utf8)  // 65

    func release() {
        body.deallocate()
        conv.deallocate()
    }

    private mutating func next() -> UInt64 {
        rng ^= rng << 13
        rng ^= rng >> 7
        rng ^= rng << 17
        return rng
    }

    private mutating func fillBody(_ length: Int) {
        // The divisor is a literal, as sizeof(al) - 1 is in C: the compiler
        // turns the modulo into a multiply, like gcc does for sqlbench.c.
        Self.alphabet.withUnsafeBufferPointer { alphabet in
            for i in 0..<length {
                body[i] = CChar(bitPattern: alphabet[Int(next() % 65)])
            }
        }
        body[length] = 0
    }

    /// "conv-%05d"
    private mutating func fillConv(_ n: Int) -> Int32 {
        let prefix = Array("conv-".utf8)
        for (i, c) in prefix.enumerated() { conv[i] = CChar(bitPattern: c) }
        var value = n
        for i in stride(from: 9, through: 5, by: -1) {
            conv[i] = CChar(48 + value % 10)
            value /= 10
        }
        conv[10] = 0
        return 10
    }

    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    /// CPU time of the process: less disturbed than wall time on a shared machine.
    static func cpu() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    private mutating func insertRow(_ statement: OpaquePointer, id: Int32, db: BenchDatabase) throws {
        let convLength = fillConv(Int(next() % 2000))
        let bodyLength = 180 + Int(next() % 41)
        fillBody(bodyLength)
        sqlite3_bind_int(statement, 1, id)
        sqlite3_bind_text(statement, 2, conv, convLength, nil)        // SQLITE_STATIC
        sqlite3_bind_text(statement, 3, body, Int32(bodyLength), nil)
        guard sqlite3_step(statement) == SQLITE_DONE else { throw db.fail("insert") }
        sqlite3_reset(statement)
    }

    /// Runs (a), (b) and (c) on a fresh database at path.
    static func run(arm: Arm, path: String) throws -> Measurement {
        var workload = Workload()
        defer { workload.release() }
        return try workload.run(arm: arm, path: path)
    }

    private mutating func run(arm: Arm, path: String) throws -> Measurement {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
        var m = Measurement()

        // (a) create + 100k rows, ~200-byte bodies, 1000 rows per transaction
        var p0 = PageStats.now()
        var t0 = Self.now()
        var c0 = Self.cpu()
        var db = try BenchDatabase(path: path, arm: arm)
        try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, conv TEXT, body TEXT);")
        var insert = try db.prepare("INSERT INTO t(id,conv,body) VALUES(?,?,?)")
        for batch in 0..<100 {
            try db.execute("BEGIN")
            for row in 0..<1000 {
                try insertRow(insert, id: Int32(batch * 1000 + row + 1), db: db)
            }
            try db.execute("COMMIT")
        }
        m.inserts = Self.now() - t0
        m.insertsCPU = Self.cpu() - c0
        m.pagesA = PageStats.now().since(p0)
        m.pagesWrittenA = db.status(SQLITE_DBSTATUS_CACHE_WRITE)
        _ = db.status(SQLITE_DBSTATUS_CACHE_MISS)

        // (b) 5,000 single-row transactions (WAL, synchronous=NORMAL)
        p0 = PageStats.now()
        t0 = Self.now()
        c0 = Self.cpu()
        for row in 0..<5000 {
            try db.execute("BEGIN")
            try insertRow(insert, id: Int32(100_001 + row), db: db)
            try db.execute("COMMIT")
        }
        m.transactions = Self.now() - t0
        m.transactionsCPU = Self.cpu() - c0
        m.pagesB = PageStats.now().since(p0)
        m.pagesWrittenB = db.status(SQLITE_DBSTATUS_CACHE_WRITE)
        sqlite3_finalize(insert)
        try db.execute("PRAGMA wal_checkpoint(TRUNCATE);")
        insert = try db.prepare("PRAGMA page_size")
        if sqlite3_step(insert) == SQLITE_ROW { m.pageSize = sqlite3_column_int(insert, 0) }
        sqlite3_finalize(insert)
        db.close()

        // (c) 50,000 point selects by primary key, new connection, small page cache
        p0 = PageStats.now()
        t0 = Self.now()
        c0 = Self.cpu()
        db = try BenchDatabase(path: path, arm: arm)
        try db.execute("PRAGMA cache_size = -2000;")
        let select = try db.prepare("SELECT conv, body FROM t WHERE id = ?")
        var total = 0
        for _ in 0..<50_000 {
            sqlite3_bind_int(select, 1, Int32(next() % 105_000) + 1)
            guard sqlite3_step(select) == SQLITE_ROW else { throw db.fail("select") }
            total += Int(sqlite3_column_bytes(select, 1))
            sqlite3_reset(select)
        }
        sqlite3_finalize(select)
        m.pageMissesC = db.status(SQLITE_DBSTATUS_CACHE_MISS)
        db.close()
        m.selects = Self.now() - t0
        m.selectsCPU = Self.cpu() - c0
        m.pagesC = PageStats.now().since(p0)

        var info = stat()
        if stat(path, &info) == 0 { m.fileSize = Int(info.st_size) }
        m.bytesRead = total
        if let file = fopen(path, "rb") {
            var header = [UInt8](repeating: 0, count: 16)
            _ = fread(&header, 1, 16, file)
            fclose(file)
            m.encrypted = header.prefix(15) != ArraySlice("SQLite format 3".utf8)
        }
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
        return m
    }
}
