import CSodium

/// XChaCha20-Poly1305 (IETF) authenticated encryption for fields and wrapped keys.
///
/// A sealed box is `nonce (24) ‖ ciphertext ‖ tag (16)`; the nonce is random for
/// every seal, so the same plaintext never encrypts twice to the same bytes.
/// Associated data binds the box to its context (a row id, a subject id): the
/// same box opened under other associated data fails.
public enum AEAD {
    public static let nonceByteCount = Int(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
    public static let tagByteCount = Int(crypto_aead_xchacha20poly1305_ietf_ABYTES)
    /// Bytes a sealed box adds to its plaintext.
    public static let overhead = nonceByteCount + tagByteCount

    public static func seal(
        _ plaintext: some Collection<UInt8>,
        key: SymmetricKey,
        associatedData: some Collection<UInt8> = [UInt8]()
    ) throws(CryptoError) -> [UInt8] {
        try Sodium.ensureInitialized()
        var message = Array(plaintext)
        defer { SecureBytes.wipe(&message) }
        let ad = Array(associatedData)
        var box = [UInt8](repeating: 0, count: nonceByteCount + message.count + tagByteCount)
        let rc = box.withUnsafeMutableBufferPointer { out -> Int32 in
            let nonce = out.baseAddress!
            randombytes_buf(nonce, nonceByteCount)
            return key.bytes.withUnsafeBytes { keyBuffer in
                crypto_aead_xchacha20poly1305_ietf_encrypt(
                    nonce + nonceByteCount, nil,
                    message, UInt64(message.count),
                    ad, UInt64(ad.count),
                    nil, nonce,
                    keyBuffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
                )
            }
        }
        guard rc == 0 else { throw .operationFailed("aead encryption") }
        return box
    }

    public static func open(
        _ box: some Collection<UInt8>,
        key: SymmetricKey,
        associatedData: some Collection<UInt8> = [UInt8]()
    ) throws(CryptoError) -> [UInt8] {
        try Sodium.ensureInitialized()
        let sealed = Array(box)
        let ad = Array(associatedData)
        guard sealed.count >= overhead else { throw .authenticationFailure }
        var plaintext = [UInt8](repeating: 0, count: sealed.count - overhead)
        var plaintextLength: UInt64 = 0
        let rc = sealed.withUnsafeBufferPointer { input -> Int32 in
            let nonce = input.baseAddress!
            return key.bytes.withUnsafeBytes { keyBuffer in
                plaintext.withUnsafeMutableBufferPointer { out in
                    crypto_aead_xchacha20poly1305_ietf_decrypt(
                        out.baseAddress, &plaintextLength, nil,
                        nonce + nonceByteCount, UInt64(sealed.count - nonceByteCount),
                        ad, UInt64(ad.count),
                        nonce,
                        keyBuffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
                    )
                }
            }
        }
        guard rc == 0, Int(plaintextLength) == plaintext.count else {
            SecureBytes.wipe(&plaintext)
            throw .authenticationFailure
        }
        return plaintext
    }
}
