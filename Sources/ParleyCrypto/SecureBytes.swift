import CSodium

/// A fixed-size buffer for secrets, allocated with `sodium_malloc`.
///
/// The memory sits between guard pages, is locked into RAM where the system
/// allows it (`mlock`, so it is not swapped out), is excluded from core dumps
/// where supported, and is zeroed and released by `sodium_free` when the last
/// reference goes away. Nothing about the content reaches `description`.
///
/// Safety of `@unchecked Sendable`: the bytes are written only inside the
/// initialiser, before the instance is shared; afterwards they are only read.
public final class SecureBytes: @unchecked Sendable, CustomStringConvertible {
    private let pointer: UnsafeMutableRawPointer
    public let count: Int

    /// Allocates `count` bytes and lets `initialize` fill them.
    public init(
        count: Int,
        initialize: (UnsafeMutableRawBufferPointer) throws(CryptoError) -> Void
    ) throws(CryptoError) {
        try Sodium.ensureInitialized()
        precondition(count > 0, "SecureBytes needs a positive size")
        guard let pointer = sodium_malloc(count) else { throw .secureMemoryUnavailable }
        self.pointer = pointer
        self.count = count
        do {
            try initialize(UnsafeMutableRawBufferPointer(start: pointer, count: count))
        } catch {
            sodium_free(pointer)
            throw error
        }
    }

    /// Copies `bytes` into secure memory. The caller remains responsible for
    /// wiping its own copy (see ``SecureBytes/wipe(_:)``).
    public convenience init(copying bytes: some Collection<UInt8>) throws(CryptoError) {
        guard !bytes.isEmpty else { throw .invalidLength(what: "secret", expected: 1, actual: 0) }
        // Byte by byte straight into secure memory: no intermediate array holds the secret.
        try self.init(count: bytes.count) { buffer in
            for (offset, byte) in bytes.enumerated() { buffer[offset] = byte }
        }
    }

    /// `count` random bytes from libsodium's CSPRNG.
    public static func random(count: Int) throws(CryptoError) -> SecureBytes {
        try SecureBytes(count: count) { buffer in
            randombytes_buf(buffer.baseAddress!, buffer.count)
        }
    }

    deinit {
        sodium_free(pointer)
    }

    /// Read access to the secret bytes; do not let the pointer escape.
    public func withUnsafeBytes<R, E: Error>(
        _ body: (UnsafeRawBufferPointer) throws(E) -> R
    ) throws(E) -> R {
        try body(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    /// Constant-time comparison.
    public func constantTimeEquals(_ other: SecureBytes) -> Bool {
        guard count == other.count else { return false }
        return sodium_memcmp(pointer, other.pointer, count) == 0
    }

    public var description: String { "SecureBytes(\(count) bytes, redacted)" }

    /// Zeroes a caller-owned array holding a secret before it is dropped.
    public static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress { sodium_memzero(base, buffer.count) }
        }
        bytes.removeAll()
    }
}
