import CSodium

/// A 256-bit secret key in secure memory. Compares in constant time; its
/// description never shows the key.
public struct SymmetricKey: Sendable, Equatable, CustomStringConvertible {
    public static let byteCount = 32

    public let bytes: SecureBytes

    /// Wraps existing secure bytes; they must be exactly 32 bytes.
    public init(_ bytes: SecureBytes) throws(CryptoError) {
        guard bytes.count == Self.byteCount else {
            throw .invalidLength(what: "key", expected: Self.byteCount, actual: bytes.count)
        }
        self.bytes = bytes
    }

    /// Copies 32 raw bytes into secure memory.
    public init(copying raw: some Collection<UInt8>) throws(CryptoError) {
        try self.init(SecureBytes(copying: raw))
    }

    /// A fresh random key.
    public static func random() throws(CryptoError) -> SymmetricKey {
        try SymmetricKey(SecureBytes.random(count: byteCount))
    }

    public static func == (lhs: SymmetricKey, rhs: SymmetricKey) -> Bool {
        lhs.bytes.constantTimeEquals(rhs.bytes)
    }

    public var description: String { "SymmetricKey(redacted)" }
}
