import ParleyCrypto

/// A 32-byte SHA-256 value of the Merkle tree, stored inline (no heap
/// allocation), so a level of a million nodes is one flat array.
public struct MerkleHash: Sendable, Hashable, CustomStringConvertible {
    public static let byteCount = 32

    // The 32 bytes in memory order.
    private var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

    /// Nil unless `bytes` has exactly 32 elements.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Self.byteCount else { return nil }
        let array = Array(bytes)
        (w0, w1, w2, w3) = array.withUnsafeBytes { raw in
            (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        }
    }

    /// Nil unless `text` is the canonical base64 of exactly 32 bytes.
    public init?(base64 text: some StringProtocol) {
        guard let bytes = Base64.decode(text) else { return nil }
        self.init(bytes: bytes)
    }

    public var bytes: [UInt8] {
        withUnsafeBytes(Array.init)
    }

    public var base64: String { Base64.encode(bytes) }
    public var hex: String { Hex.encode(bytes) }
    public var description: String { hex }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var copy = self
        return try Swift.withUnsafeBytes(of: &copy, body)
    }

    // MARK: - RFC 9162 hashing

    /// SHA-256 of the empty string: the root of the empty tree.
    public static let emptyRoot = MerkleHash(digest: SHA256.hash([UInt8]()))

    /// Leaf hash, SHA-256(0x00 ‖ data).
    public static func leaf(_ data: some Collection<UInt8>) -> MerkleHash {
        var message = [UInt8]()
        message.reserveCapacity(data.count + 1)
        message.append(0)
        message.append(contentsOf: data)
        return MerkleHash(digest: SHA256.hash(message))
    }

    /// Interior node hash, SHA-256(0x01 ‖ left ‖ right).
    public static func node(_ left: MerkleHash, _ right: MerkleHash) -> MerkleHash {
        var message = [UInt8](repeating: 1, count: 1 + 2 * byteCount)
        message.withUnsafeMutableBytes { out in
            out.storeBytes(of: left, toByteOffset: 1, as: MerkleHash.self)
            out.storeBytes(of: right, toByteOffset: 1 + byteCount, as: MerkleHash.self)
        }
        return MerkleHash(digest: SHA256.hash(message))
    }

    private init(digest: [UInt8]) {
        precondition(digest.count == Self.byteCount, "SHA-256 digests are 32 bytes")
        (w0, w1, w2, w3) = digest.withUnsafeBytes { raw in
            (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        }
    }
}
