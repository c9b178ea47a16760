import CSQLiteCrypt
import Glibc

/// SQLITE_OK: parley_crypt.h does not include sqlite3.h, so its value is spelled here.
private let sqliteOK: Int32 = 0

/// Why a page benchmark could not run (never a page's content or key).
struct PageImageError: Error, CustomStringConvertible {
    let description: String
}

/// One database page image and the buffers the VFS keeps around it: a random
/// key and associated data, a pool of 32 random nonces refilled like the VFS's.
/// Manually allocated so that the measured loop allocates nothing itself.
final class PageImage {
    static let payload = Int(PARLEY_CRYPT_PAGE_SIZE - PARLEY_CRYPT_RESERVED_BYTES)
    static let nonceBytes = Int(PARLEY_CRYPT_NONCE_BYTES)
    static let poolSize = 32

    let cipher: Int32
    private let key = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Int(PARLEY_CRYPT_KEY_BYTES))
    private let associated = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Int(PARLEY_CRYPT_DATABASE_ID_BYTES) + 5)
    private let pool = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: nonceBytes * poolSize)
    private let plain = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: payload)
    private let sealed = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: payload)
    private let page = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: payload)
    private let tag = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Int(PARLEY_CRYPT_TAG_BYTES))
    private var lastNonce = 0

    init(cipher: Int32) {
        self.cipher = cipher
        for index in 0..<Self.payload { plain[index] = UInt8(truncatingIfNeeded: index &* 31) }
        Self.random(key)
        Self.random(associated)
        Self.random(pool)
    }

    deinit {
        for buffer in [key, associated, pool, plain, sealed, page, tag] {
            buffer.initialize(repeating: 0)
            buffer.deallocate()
        }
    }

    /// Seals the page as the `index`-th page written: a fresh nonce from the
    /// pool, which is refilled from the OS every 32 pages.
    func seal(_ index: Int) throws(PageImageError) {
        let slot = index % Self.poolSize
        if slot == 0, index > 0 { Self.random(pool) }
        lastNonce = slot * Self.nonceBytes
        let result = parley_crypt_seal(
            cipher, key.baseAddress, pool.baseAddress! + lastNonce, associated.baseAddress, associated.count,
            plain.baseAddress, Self.payload, sealed.baseAddress, tag.baseAddress
        )
        guard result == sqliteOK else { throw PageImageError(description: "parley_crypt_seal returned \(result)") }
    }

    /// Opens the last sealed page as the VFS opens a page it has just read:
    /// copied into the page buffer, then opened in place.
    func openInPlace() throws(PageImageError) {
        memcpy(page.baseAddress!, sealed.baseAddress!, Self.payload)
        let result = parley_crypt_open(
            cipher, key.baseAddress, pool.baseAddress! + lastNonce, associated.baseAddress, associated.count,
            page.baseAddress, Self.payload, tag.baseAddress, page.baseAddress
        )
        guard result == sqliteOK else { throw PageImageError(description: "parley_crypt_open returned \(result)") }
    }

    /// Copies the plain page into the page buffer: the baseline.
    func copy() {
        memcpy(page.baseAddress!, plain.baseAddress!, Self.payload)
    }

    /// Fails unless the last open gave the plain page back.
    func checkOpened() throws(PageImageError) {
        guard memcmp(page.baseAddress!, plain.baseAddress!, Self.payload) == 0 else {
            throw PageImageError(description: "the page cipher did not give the page back")
        }
    }

    /// Fills the buffer from the OS's generator (arc4random_buf: getrandom underneath, cannot fail).
    private static func random(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        arc4random_buf(buffer.baseAddress!, buffer.count)
    }
}
