import GRDBSQLite
import CSQLiteCrypt
import CSodium
import Foundation

/// A private directory for one test, removed with its contents when released.
final class ScratchDirectory {
    let path: String

    init() {
        // resolved, so that it equals the canonical path the VFS reports
        let base = FileManager.default.temporaryDirectory.resolvingSymlinksInPath().path
        path = "\(base)/parley-vfs-tests-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String { "\(path)/\(name)" }
}

/// 32 random bytes from libsodium.
func randomKey() -> [UInt8] {
    var key = [UInt8](repeating: 0, count: Int(PARLEY_CRYPT_KEY_BYTES))
    key.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, $0.count) }
    return key
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}

/// A database on disk that is opened through the parley-crypt VFS.
struct EncryptedDatabase {
    let path: String
    var uri: String { "file:\(path)?vfs=\(PARLEY_CRYPT_VFS_NAME)" }

    /// Registers the VFS and `key` for `path`.
    init(path: String, key: [UInt8]) throws {
        self.path = path
        try check(parley_crypt_register())
        try check(parley_crypt_set_key(path, key))
    }

    /// Opens it; on a new database, sets 4096-byte pages and then 40 reserved
    /// bytes, as the integrator must (both are no-ops on an existing one). The
    /// order matters: PRAGMA page_size resets a pending reserve request to 0.
    func open(flags: Int32 = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) throws -> Connection {
        let connection = try Connection(uri: uri, flags: flags)
        try connection.execute("PRAGMA page_size = 4096")
        try connection.reserveBytes(Int32(PARLEY_CRYPT_RESERVED_BYTES))
        return connection
    }
}

func check(_ rc: Int32, _ what: String = "call") throws {
    guard rc == SQLITE_OK else { throw SQLiteError(extendedCode: rc, message: "\(what) failed") }
}

/// The last-failure slot of the VFS.
struct AuthenticationFailure: Equatable {
    let path: String
    let page: UInt32
    let kind: Character
    let serial: UInt64

    static func last() -> AuthenticationFailure? {
        var path = [CChar](repeating: 0, count: 4096)
        var page: UInt32 = 0
        var kind: CChar = 0
        var serial: UInt64 = 0
        guard parley_crypt_last_failure(&path, path.count, &page, &kind, &serial) == SQLITE_OK else { return nil }
        let name = path.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return AuthenticationFailure(path: name, page: page, kind: Character(UnicodeScalar(UInt8(bitPattern: kind))), serial: serial)
    }

    static var serialNow: UInt64 { last()?.serial ?? 0 }
}
