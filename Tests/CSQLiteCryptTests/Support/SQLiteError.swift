import GRDBSQLite

/// A failed sqlite3 call, with the extended result code (connections run with
/// extended result codes on, as GRDB's do).
struct SQLiteError: Error, CustomStringConvertible {
    let extendedCode: Int32
    let message: String

    var primaryCode: Int32 { extendedCode & 0xff }
    var description: String { "SQLite error \(extendedCode): \(message)" }
}

/// `SQLITE_TRANSIENT` is a cast macro that Swift does not import.
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// Extended result codes whose C macros (expressions) Swift does not import.
let SQLITE_IOERR_SHORT_READ_CODE: Int32 = SQLITE_IOERR | (2 << 8)
let SQLITE_IOERR_WRITE_CODE: Int32 = SQLITE_IOERR | (3 << 8)
let SQLITE_IOERR_AUTH_CODE: Int32 = SQLITE_IOERR | (28 << 8)
