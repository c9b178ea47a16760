// vfs-crash-writer: test support for CSQLiteCryptTests.
//
// Writes to an existing encrypted database through the parley-crypt VFS, then
// ends the process with _exit(0): no sqlite3_close, no checkpoint, no
// rollback. What is on disk afterwards is what a crashed process leaves.
//
// usage: vfs-crash-writer wal-commit DB ROWS MARKER
//          journal_mode=WAL, wal_autocheckpoint=0; commits ROWS rows whose
//          body contains MARKER, then dies with the frames only in the WAL.
//        vfs-crash-writer journal-uncommitted DB
//          journal_mode=DELETE, a tiny page cache; rewrites every row of t
//          inside one transaction so pages spill to the database file, then
//          dies before COMMIT, leaving a hot journal.
//        vfs-crash-writer describe-cipher DB
//          inserts a row into t, checkpoints, reads every row back, and
//          prints the page cipher's implementation and OpenSSL's status
//          ("libsodium: <why>" or "openssl: in use").
// The 32-byte key arrives hex-encoded in PARLEY_CRASH_WRITER_KEY; extra URI
// parameters ("&psow=0") in PARLEY_CRASH_WRITER_URI_PARAMETERS; the page
// cipher's implementation ("libsodium", "openssl"; default: the VFS's own
// choice) in PARLEY_CRASH_WRITER_CIPHER.
import GRDBSQLite
import CSQLiteCrypt
import Glibc

func fail(_ message: String) -> Never {
    var text = "vfs-crash-writer: \(message)\n"
    text.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    exit(2)
}

func execute(_ db: OpaquePointer, _ sql: String) {
    var error: UnsafeMutablePointer<CChar>?
    if sqlite3_exec(db, sql, nil, nil, &error) != SQLITE_OK {
        fail("\(sql): \(error.map { String(cString: $0) } ?? "?")")
    }
}

func decodeHex(_ hex: String) -> [UInt8]? {
    let digits = Array(hex.utf8)
    guard digits.count % 2 == 0 else { return nil }
    var bytes: [UInt8] = []
    for i in stride(from: 0, to: digits.count, by: 2) {
        guard let byte = UInt8(String(decoding: digits[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
        bytes.append(byte)
    }
    return bytes
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else { fail("usage: vfs-crash-writer MODE DB ...") }
let mode = arguments[1]
let path = arguments[2]
guard let hex = getenv("PARLEY_CRASH_WRITER_KEY"), let key = decodeHex(String(cString: hex)),
      key.count == Int(PARLEY_CRYPT_KEY_BYTES) else {
    fail("PARLEY_CRASH_WRITER_KEY must hold 64 hex digits")
}
guard parley_crypt_register() == SQLITE_OK, parley_crypt_set_key(path, key) == SQLITE_OK else {
    fail("cannot register the VFS or the key")
}
switch getenv("PARLEY_CRASH_WRITER_CIPHER").map({ String(cString: $0) }) {
case nil, "": break
case "libsodium"?:
    guard parley_crypt_use_cipher_on_this_thread(PARLEY_CRYPT_CIPHER_LIBSODIUM) == SQLITE_OK else { fail("no libsodium") }
case "openssl"?:
    guard parley_crypt_use_cipher_on_this_thread(PARLEY_CRYPT_CIPHER_OPENSSL) == SQLITE_OK else { fail("no OpenSSL") }
case let other?:
    fail("unknown PARLEY_CRASH_WRITER_CIPHER \(other)")
}

var handle: OpaquePointer?
let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI
let extra = getenv("PARLEY_CRASH_WRITER_URI_PARAMETERS").map { String(cString: $0) } ?? ""
guard sqlite3_open_v2("file:\(path)?vfs=\(PARLEY_CRYPT_VFS_NAME)\(extra)", &handle, flags, nil) == SQLITE_OK,
      let db = handle else {
    fail("cannot open \(path)")
}

switch mode {
case "wal-commit":
    guard arguments.count == 5, let rows = Int(arguments[3]) else { fail("wal-commit DB ROWS MARKER") }
    let marker = arguments[4]
    execute(db, "PRAGMA journal_mode=WAL")
    execute(db, "PRAGMA wal_autocheckpoint=0")
    for batch in 0..<max(1, rows / 100) {
        execute(db, "BEGIN")
        for row in 0..<min(100, rows) {
            execute(db, "INSERT INTO t(body) VALUES('\(marker) crash \(batch)-\(row)')")
        }
        execute(db, "COMMIT")
    }
case "journal-uncommitted":
    execute(db, "PRAGMA journal_mode=DELETE")
    execute(db, "PRAGMA cache_size=10")
    execute(db, "BEGIN")
    execute(db, "UPDATE t SET body = 'uncommitted ' || hex(randomblob(150))")
case "describe-cipher":
    execute(db, "INSERT INTO t(body) VALUES('describe-cipher')")
    execute(db, "PRAGMA wal_checkpoint(TRUNCATE)")
    execute(db, "SELECT count(*) FROM t")
    execute(db, "PRAGMA integrity_check")
    let name = parley_crypt_cipher() == PARLEY_CRYPT_CIPHER_OPENSSL ? "openssl" : "libsodium"
    var text = "\(name): \(String(cString: parley_crypt_openssl_status()))\n"
    text.withUTF8 { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    guard sqlite3_close(db) == SQLITE_OK else { fail("close failed") }
default:
    fail("unknown mode \(mode)")
}
_exit(0)
