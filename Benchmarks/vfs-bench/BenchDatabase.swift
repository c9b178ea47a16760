import GRDBSQLite

struct BenchError: Error, CustomStringConvertible {
    let description: String
}

/// The few sqlite3 calls the workload makes, failing loudly like sqlbench.c.
struct BenchDatabase {
    let handle: OpaquePointer

    /// Opens like sqlbench.c's open_db: WAL, synchronous=NORMAL; the reserve
    /// request comes first, so that a new database gets it on page 1.
    init(path: String, arm: Arm) throws {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI
        guard sqlite3_open_v2(arm.uri(for: path), &db, flags, nil) == SQLITE_OK, let db else {
            sqlite3_close_v2(db)
            throw BenchError(description: "open \(path) failed")
        }
        handle = db
        var reserve = arm.reservedBytes
        if reserve > 0 {
            guard sqlite3_file_control(db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve) == SQLITE_OK else {
                throw BenchError(description: "SQLITE_FCNTL_RESERVE_BYTES failed")
            }
        }
        try execute("PRAGMA journal_mode=WAL;")
        try execute("PRAGMA synchronous=NORMAL;")
    }

    func close() {
        sqlite3_close_v2(handle)
    }

    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &message) == SQLITE_OK else {
            defer { sqlite3_free(message) }
            throw BenchError(description: "\(sql): \(message.map { String(cString: $0) } ?? "?")")
        }
    }

    func prepare(_ sql: String) throws -> OpaquePointer {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw BenchError(description: "prepare \(sql): \(String(cString: sqlite3_errmsg(handle)))")
        }
        return statement
    }

    func fail(_ what: String) -> BenchError {
        BenchError(description: "\(what): \(String(cString: sqlite3_errmsg(handle)))")
    }

    /// sqlite3_db_status current value, reset afterwards (st_get in sqlbench.c).
    func status(_ op: Int32) -> Int32 {
        var current: Int32 = 0
        var highwater: Int32 = 0
        sqlite3_db_status(handle, op, &current, &highwater, 1)
        return current
    }
}
