import CSQLiteCrypt
import CSodium
import GRDBSQLite
import Glibc

/// What sealing and opening one page image costs on this machine with each
/// implementation of the page cipher, called exactly as the VFS calls it
/// (parley_crypt_seal/open: 4056 bytes, a detached tag, the associated data
/// of a database page, random nonces drawn from the OS 32 at a time like the
/// VFS's pool, pages opened in place), in CPU seconds per page.
/// Measured between the arms of every round, so it sees the same machine.
struct CipherCost: Sendable {
    /// The implementation the VFS uses (OpenSSL where it passed its self-test).
    var seal: Double
    var open: Double
    /// libsodium alone, as every page was computed before.
    var libsodiumSeal: Double
    var libsodiumOpen: Double

    static func measure(pages: Int = 20_000) -> CipherCost {
        let inUse = measure(PARLEY_CRYPT_CIPHER_DEFAULT, pages: pages)
        let libsodium = measure(PARLEY_CRYPT_CIPHER_LIBSODIUM, pages: pages)
        return CipherCost(seal: inUse.seal, open: inUse.open, libsodiumSeal: libsodium.seal, libsodiumOpen: libsodium.open)
    }

    private static func measure(_ cipher: Int32, pages: Int) -> (seal: Double, open: Double) {
        let payload = Int(PARLEY_CRYPT_PAGE_SIZE - PARLEY_CRYPT_RESERVED_BYTES)
        let nonceBytes = Int(PARLEY_CRYPT_NONCE_BYTES)
        let poolSize = 32
        var key = [UInt8](repeating: 0, count: Int(PARLEY_CRYPT_KEY_BYTES))
        var pool = [UInt8](repeating: 0, count: nonceBytes * poolSize)
        var associated = [UInt8](repeating: 0, count: Int(PARLEY_CRYPT_DATABASE_ID_BYTES) + 5)
        var plain = [UInt8](repeating: 0, count: payload)
        var sealed = [UInt8](repeating: 0, count: payload)
        var tag = [UInt8](repeating: 0, count: Int(PARLEY_CRYPT_TAG_BYTES))
        for i in 0..<payload { plain[i] = UInt8(truncatingIfNeeded: i &* 31) }
        randombytes_buf(&key, key.count)
        randombytes_buf(&associated, associated.count)
        defer { sodium_memzero(&key, key.count) }

        var failures = 0
        let sealStart = Workload.cpu()
        for page in 0..<pages {
            if page % poolSize == 0 { randombytes_buf(&pool, pool.count) }
            let slot = (page % poolSize) * nonceBytes
            failures += pool.withUnsafeBufferPointer { pool in
                parley_crypt_seal(cipher, key, pool.baseAddress! + slot, associated, associated.count,
                                  plain, payload, &sealed, &tag) == SQLITE_OK ? 0 : 1
            }
        }
        let sealSeconds = Workload.cpu() - sealStart
        let nonce = Array(pool[(((pages - 1) % poolSize) * nonceBytes)...].prefix(nonceBytes))
        var page = sealed
        let openStart = Workload.cpu()
        for _ in 0..<pages {
            page.withUnsafeMutableBufferPointer { page in
                _ = memcpy(page.baseAddress!, sealed, payload) // the VFS opens the bytes it just read
                failures += parley_crypt_open(cipher, key, nonce, associated, associated.count,
                                              page.baseAddress, payload, tag, page.baseAddress) == SQLITE_OK ? 0 : 1
            }
        }
        let openSeconds = Workload.cpu() - openStart
        precondition(failures == 0, "vfs-bench: the page cipher refused its own page image")
        precondition(page == plain, "vfs-bench: the page cipher did not give the page back")
        return (sealSeconds / Double(pages), openSeconds / Double(pages))
    }
}
