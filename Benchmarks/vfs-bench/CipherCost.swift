import CSQLiteCrypt
import CSodium

/// What libsodium's XChaCha20-Poly1305 costs for one page image on this
/// machine, sealed and opened exactly as parley-crypt does it (4056 bytes,
/// a detached tag, associated data of a database page, random nonces drawn
/// from the OS 32 at a time like the VFS's pool), in CPU seconds.
/// Measured between the arms of every round, so it sees the same machine.
struct CipherCost: Sendable {
    var seal: Double
    var open: Double

    static func measure(pages: Int = 20_000) -> CipherCost {
        let payload = Int(PARLEY_CRYPT_PAGE_SIZE - PARLEY_CRYPT_RESERVED_BYTES)
        var key = [UInt8](repeating: 0, count: Int(crypto_aead_xchacha20poly1305_ietf_KEYBYTES))
        let nonceBytes = Int(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
        let poolSize = 32
        var pool = [UInt8](repeating: 0, count: nonceBytes * poolSize)
        var associated = [UInt8](repeating: 0, count: Int(PARLEY_CRYPT_DATABASE_ID_BYTES) + 5)
        var plain = [UInt8](repeating: 0, count: payload)
        var sealed = [UInt8](repeating: 0, count: payload)
        var tag = [UInt8](repeating: 0, count: Int(crypto_aead_xchacha20poly1305_ietf_ABYTES))
        for i in 0..<payload { plain[i] = UInt8(truncatingIfNeeded: i &* 31) }
        randombytes_buf(&key, key.count)
        randombytes_buf(&associated, associated.count)
        defer { sodium_memzero(&key, key.count) }

        var tagLength: UInt64 = 0
        var failures = 0
        let sealStart = Workload.cpu()
        for page in 0..<pages {
            if page % poolSize == 0 { randombytes_buf(&pool, pool.count) }
            let slot = (page % poolSize) * nonceBytes
            failures += pool.withUnsafeBufferPointer { pool in
                Int(crypto_aead_xchacha20poly1305_ietf_encrypt_detached(
                    &sealed, &tag, &tagLength, plain, UInt64(payload), associated, UInt64(associated.count), nil,
                    pool.baseAddress! + slot, key))
            }
        }
        let nonce = Array(pool[(((pages - 1) % poolSize) * nonceBytes)...].prefix(nonceBytes))
        let sealSeconds = Workload.cpu() - sealStart
        let openStart = Workload.cpu()
        for _ in 0..<pages {
            failures += Int(crypto_aead_xchacha20poly1305_ietf_decrypt_detached(
                &plain, nil, sealed, UInt64(payload), tag, associated, UInt64(associated.count), nonce, key))
        }
        let openSeconds = Workload.cpu() - openStart
        precondition(failures == 0, "vfs-bench: libsodium refused its own page image")
        return CipherCost(seal: sealSeconds / Double(pages), open: openSeconds / Double(pages))
    }
}
