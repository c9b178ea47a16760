import GRDBSQLite

/// A thin wrapper over one sqlite3 connection, for tests that drive the VFS
/// through the raw C API. Not Sendable: one test, one thread, one connection.
final class Connection {
    let handle: OpaquePointer

    init(uri: String, flags: Int32 = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) throws {
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(uri, &db, flags | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw SQLiteError(extendedCode: rc, message: message)
        }
        sqlite3_extended_result_codes(db, 1)
        handle = db
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    private func error(_ rc: Int32) -> SQLiteError {
        SQLiteError(extendedCode: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)))
    }

    /// Sets the reserved bytes that every page of a NEW database will have.
    func reserveBytes(_ n: Int32) throws {
        var value = n
        let rc = sqlite3_file_control(handle, "main", SQLITE_FCNTL_RESERVE_BYTES, &value)
        guard rc == SQLITE_OK else { throw error(rc) }
    }

    /// The reserved bytes of the open database (read from page 1).
    func currentReserveBytes() throws -> Int32 {
        var value: Int32 = -1
        let rc = sqlite3_file_control(handle, "main", SQLITE_FCNTL_RESERVE_BYTES, &value)
        guard rc == SQLITE_OK else { throw error(rc) }
        return value
    }

    func execute(_ sql: String) throws {
        let rc = sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw error(rc) }
    }

    /// Runs one statement with text/integer/blob bindings; returns every row.
    @discardableResult
    func rows(_ sql: String, _ bindings: [Value] = []) throws -> [[Value]] {
        var statement: OpaquePointer?
        var rc = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw error(rc) }
        defer { sqlite3_finalize(statement) }
        for (index, value) in bindings.enumerated() {
            let position = Int32(index + 1)
            switch value {
            case .null: rc = sqlite3_bind_null(statement, position)
            case .integer(let v): rc = sqlite3_bind_int64(statement, position, v)
            case .text(let v): rc = sqlite3_bind_text(statement, position, v, -1, sqliteTransient)
            case .blob(let v):
                rc = v.withUnsafeBytes { sqlite3_bind_blob(statement, position, $0.baseAddress, Int32($0.count), sqliteTransient) }
            }
            guard rc == SQLITE_OK else { throw error(rc) }
        }
        var result: [[Value]] = []
        while true {
            rc = sqlite3_step(statement)
            if rc == SQLITE_DONE { return result }
            guard rc == SQLITE_ROW else { throw error(rc) }
            result.append((0..<sqlite3_column_count(statement)).map { Value(statement, column: $0) })
        }
    }

    func integer(_ sql: String, _ bindings: [Value] = []) throws -> Int64? {
        if case .integer(let v)? = try rows(sql, bindings).first?.first { return v }
        return nil
    }

    func text(_ sql: String, _ bindings: [Value] = []) throws -> String? {
        if case .text(let v)? = try rows(sql, bindings).first?.first { return v }
        return nil
    }
}

enum Value: Equatable, Sendable {
    case null
    case integer(Int64)
    case text(String)
    case blob([UInt8])

    init(_ statement: OpaquePointer, column: Int32) {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: self = .integer(sqlite3_column_int64(statement, column))
        case SQLITE_NULL: self = .null
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, column))
            let base = sqlite3_column_blob(statement, column)
            self = .blob(count == 0 || base == nil ? [] : Array(UnsafeRawBufferPointer(start: base, count: count)))
        default:
            self = .text(String(cString: sqlite3_column_text(statement, column)))
        }
    }
}
