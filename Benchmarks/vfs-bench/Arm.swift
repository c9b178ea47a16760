import GRDBSQLite
import CSQLiteCrypt

/// One way of storing the benchmark database.
enum Arm: String, CaseIterable, Sendable {
    /// The default VFS, 4096-byte pages, no reserved bytes: what SQLite does alone.
    case plain
    /// The default VFS with 40 reserved bytes a page: the same page layout as
    /// the encrypted arm, so the difference to it is the cost of the cipher.
    case reserve40 = "plain+reserve40"
    /// The parley-crypt VFS, its pages computed as the product computes them
    /// (OpenSSL where it passed its self-test, see PRAGMA parley_cipher_implementation).
    case crypt = "parley-crypt"
    /// The same VFS with every page computed by libsodium alone, as before
    /// the OpenSSL implementation: the previous product, in the same sitting.
    case cryptLibsodium = "parley-crypt-libsodium"

    func uri(for path: String) -> String {
        switch self {
        case .plain, .reserve40: return "file:\(path)"
        case .crypt, .cryptLibsodium: return "file:\(path)?vfs=\(PARLEY_CRYPT_VFS_NAME)"
        }
    }

    /// The page cipher's implementation this arm runs (PARLEY_CRYPT_CIPHER_*).
    var cipher: Int32 {
        self == .cryptLibsodium ? PARLEY_CRYPT_CIPHER_LIBSODIUM : PARLEY_CRYPT_CIPHER_DEFAULT
    }

    var reservedBytes: Int32 {
        self == .plain ? 0 : Int32(PARLEY_CRYPT_RESERVED_BYTES)
    }
}
