import GRDBSQLite
import CSQLiteCrypt

/// One way of storing the benchmark database.
enum Arm: String, CaseIterable, Sendable {
    /// The default VFS, 4096-byte pages, no reserved bytes: what SQLite does alone.
    case plain
    /// The default VFS with 40 reserved bytes a page: the same page layout as
    /// the encrypted arm, so the difference to it is the cost of the cipher.
    case reserve40 = "plain+reserve40"
    /// The parley-crypt VFS.
    case crypt = "parley-crypt"

    func uri(for path: String) -> String {
        switch self {
        case .plain, .reserve40: return "file:\(path)"
        case .crypt: return "file:\(path)?vfs=\(PARLEY_CRYPT_VFS_NAME)"
        }
    }

    var reservedBytes: Int32 {
        self == .plain ? 0 : Int32(PARLEY_CRYPT_RESERVED_BYTES)
    }
}
