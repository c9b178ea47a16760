import CSQLiteCrypt
import CSodium
import Foundation
import GRDBSQLite
import Testing

/// One implementation of the page cipher, as parley_crypt_seal/open name it.
enum CipherImplementation: Int32, CaseIterable, CustomTestStringConvertible, Sendable {
    case vfsDefault = 0   // PARLEY_CRYPT_CIPHER_DEFAULT: what the VFS runs on this thread
    case libsodium = 1    // PARLEY_CRYPT_CIPHER_LIBSODIUM
    case openssl = 2      // PARLEY_CRYPT_CIPHER_OPENSSL

    var testDescription: String {
        switch self {
        case .vfsDefault: return "the VFS's choice"
        case .libsodium: return "libsodium"
        case .openssl: return "HChaCha20 + OpenSSL"
        }
    }
}

/// The result of one seal: ciphertext and detached tag.
struct SealedBytes: Equatable {
    var ciphertext: [UInt8]
    var tag: [UInt8]
}

enum PageCipher {
    static func seal(_ cipher: CipherImplementation, key: [UInt8], nonce: [UInt8], ad: [UInt8],
                     plain: [UInt8]) -> (rc: Int32, sealed: SealedBytes) {
        var out = [UInt8](repeating: 0, count: plain.count)
        var tag = [UInt8](repeating: 0, count: Int(PARLEY_CRYPT_TAG_BYTES))
        let rc = parley_crypt_seal(cipher.rawValue, key, nonce, ad, ad.count, plain, plain.count, &out, &tag)
        return (rc, SealedBytes(ciphertext: out, tag: tag))
    }

    static func open(_ cipher: CipherImplementation, key: [UInt8], nonce: [UInt8], ad: [UInt8],
                     sealed: SealedBytes) -> (rc: Int32, plain: [UInt8]) {
        var out = [UInt8](repeating: 0xAA, count: sealed.ciphertext.count)
        let rc = parley_crypt_open(cipher.rawValue, key, nonce, ad, ad.count, sealed.ciphertext,
                                   sealed.ciphertext.count, sealed.tag, &out)
        return (rc, out)
    }

    /// Opens in place, as the VFS opens a page it has just read.
    static func openInPlace(_ cipher: CipherImplementation, key: [UInt8], nonce: [UInt8], ad: [UInt8],
                            sealed: SealedBytes) -> (rc: Int32, plain: [UInt8]) {
        var buffer = sealed.ciphertext
        let rc = buffer.withUnsafeMutableBufferPointer { b in
            parley_crypt_open(cipher.rawValue, key, nonce, ad, ad.count, b.baseAddress, b.count, sealed.tag, b.baseAddress)
        }
        return (rc, buffer)
    }
}

func bytes(hex: String) -> [UInt8] {
    var out: [UInt8] = []
    var i = hex.startIndex
    while i < hex.endIndex {
        let j = hex.index(i, offsetBy: 2)
        out.append(UInt8(hex[i..<j], radix: 16)!)
        i = j
    }
    return out
}

/// count random bytes (libsodium's generator: fast enough for thousands of pages in a debug build).
func randomBytes(_ count: Int) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    bytes.withUnsafeMutableBytes { if $0.count > 0 { randombytes_buf($0.baseAddress!, $0.count) } }
    return bytes
}

/// A published XChaCha20-Poly1305-IETF test vector.
struct XChaChaVector: CustomTestStringConvertible, Sendable {
    let name: String
    let key: String
    let nonce: String
    let ad: String
    let plaintext: String
    let ciphertext: String
    let tag: String
    var testDescription: String { name }

    static let sunscreen = "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it."
    static let libsodiumCiphertext = "453c0693a7407f04ff4c56aedb17a3c0a1afff01174930fc22287c33dbcf0ac8"
        + "b89ad929530a1bb3ab5e69f24c7f6070c8f840c9abb4f69fbfc8a7ff5126faee"
        + "bbb55805ee9c1cf2ce5a57263287aec5780f04ec324c3514122cfc3231fc1a8b"
        + "718a62863730a2702bb76366116bed09e0fd"

    static let all: [XChaChaVector] = [
        XChaChaVector(
            name: "draft-irtf-cfrg-xchacha-03, A.3.1",
            key: "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f",
            nonce: "404142434445464748494a4b4c4d4e4f5051525354555657",
            ad: "50515253c0c1c2c3c4c5c6c7",
            plaintext: sunscreen,
            ciphertext: "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb"
                + "731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452"
                + "2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9"
                + "21f9664c97637da9768812f615c68b13b52e",
            tag: "c0875924c1c7987947deafd8780acf49"),
        XChaChaVector(
            name: "libsodium test/default/aead_xchacha20poly1305 (its .exp), with associated data",
            key: "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f",
            nonce: "07000000404142434445464748494a4b0000000000000000",
            ad: "50515253c0c1c2c3c4c5c6c7",
            plaintext: sunscreen,
            ciphertext: libsodiumCiphertext,
            tag: "5c6d84b6b0c1abaf249d5dd0f7f5a7ea"),
        XChaChaVector(
            name: "libsodium test/default/aead_xchacha20poly1305 (its .exp), without associated data",
            key: "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f",
            nonce: "07000000404142434445464748494a4b0000000000000000",
            ad: "",
            plaintext: sunscreen,
            ciphertext: libsodiumCiphertext,
            tag: "d4c860b7074be894fac9697399be5cc1"),
    ]
}

/// The page cipher's two implementations, libsodium's XChaCha20-Poly1305 and
/// libsodium's HChaCha20 + OpenSSL's ChaCha20-Poly1305, against published
/// vectors and against each other. The VFS may run either; the format on
/// disk is the same only if every byte they write is.
@Suite("Both implementations of the page cipher write libsodium's bytes")
struct PageCipherTests {
    @Test("on this machine the VFS computes pages with OpenSSL, after its self-test passed")
    func openSSLIsInUse() {
        #expect(parley_crypt_cipher() == PARLEY_CRYPT_CIPHER_OPENSSL)
        #expect(String(cString: parley_crypt_openssl_status()) == "in use")
    }

    @Test("the published vector seals to the published bytes and opens again",
          arguments: XChaChaVector.all, CipherImplementation.allCases)
    func knownAnswer(vector: XChaChaVector, cipher: CipherImplementation) {
        let key = bytes(hex: vector.key), nonce = bytes(hex: vector.nonce), ad = bytes(hex: vector.ad)
        let plain = Array(vector.plaintext.utf8)
        let (rc, sealed) = PageCipher.seal(cipher, key: key, nonce: nonce, ad: ad, plain: plain)
        #expect(rc == SQLITE_OK)
        #expect(hex(sealed.ciphertext) == vector.ciphertext)
        #expect(hex(sealed.tag) == vector.tag)
        let published = SealedBytes(ciphertext: bytes(hex: vector.ciphertext), tag: bytes(hex: vector.tag))
        let opened = PageCipher.open(cipher, key: key, nonce: nonce, ad: ad, sealed: published)
        #expect(opened.rc == SQLITE_OK)
        #expect(opened.plain == plain)
        let inPlace = PageCipher.openInPlace(cipher, key: key, nonce: nonce, ad: ad, sealed: published)
        #expect(inPlace.rc == SQLITE_OK && inPlace.plain == plain)
    }

    /// Page-sized and odd lengths; associated data as the VFS builds it (21,
    /// 25 and 29 bytes) and other lengths, empty included.
    @Test("10,000 random pages, keys, nonces and associated data: one implementation's seal is the other's, and each opens the other's")
    func crossImplementation() {
        let lengths = [4_056, 4_040, 4_056, 4_040, 0, 1, 15, 16, 17, 63, 64, 65, 4_095, 8_192]
        let adLengths = [21, 25, 29, 0, 1, 16, 17, 64]
        let fallbacks = parley_crypt_openssl_fallbacks()
        var mismatches = 0, refusals = 0
        for round in 0..<10_000 {
            let length = round % 5 == 4 ? Int.random(in: 0...8_192) : lengths[round % lengths.count]
            let key = randomBytes(32)
            let nonce = randomBytes(24)
            let ad = randomBytes(adLengths[(round / lengths.count) % adLengths.count])
            let plain = randomBytes(length)

            let sodium = PageCipher.seal(.libsodium, key: key, nonce: nonce, ad: ad, plain: plain)
            let openssl = PageCipher.seal(.openssl, key: key, nonce: nonce, ad: ad, plain: plain)
            if sodium.rc != SQLITE_OK || openssl.rc != SQLITE_OK || sodium.sealed != openssl.sealed { mismatches += 1 }
            // sealed by libsodium, opened by OpenSSL (in place, as the VFS reads), and the reverse
            let byOpenSSL = PageCipher.openInPlace(.openssl, key: key, nonce: nonce, ad: ad, sealed: sodium.sealed)
            let bySodium = PageCipher.openInPlace(.libsodium, key: key, nonce: nonce, ad: ad, sealed: openssl.sealed)
            if byOpenSSL.rc != SQLITE_OK || byOpenSSL.plain != plain { refusals += 1 }
            if bySodium.rc != SQLITE_OK || bySodium.plain != plain { refusals += 1 }
        }
        #expect(mismatches == 0)
        #expect(refusals == 0)
        #expect(parley_crypt_openssl_fallbacks() == fallbacks)
    }

    struct Tamper: CustomTestStringConvertible, Sendable {
        let what: String
        let index: Int
        var testDescription: String { "\(what) byte \(index)" }
    }

    @Test("a changed byte of ciphertext, tag, nonce or associated data is refused with SQLITE_IOERR_AUTH and the output zeroed",
          arguments: [Tamper(what: "ciphertext", index: 0), Tamper(what: "ciphertext", index: 4_055),
                      Tamper(what: "ciphertext", index: 2_000), Tamper(what: "tag", index: 0),
                      Tamper(what: "tag", index: 15), Tamper(what: "nonce", index: 0),
                      Tamper(what: "nonce", index: 15), Tamper(what: "nonce", index: 16),
                      Tamper(what: "nonce", index: 23), Tamper(what: "associated data", index: 20)],
          CipherImplementation.allCases)
    func tamperedPageIsRefused(tamper: Tamper, cipher: CipherImplementation) {
        let key = randomBytes(32)
        var nonce = randomBytes(24)
        var ad = randomBytes(21)
        let plain = randomBytes(4_056)
        var sealed = PageCipher.seal(.libsodium, key: key, nonce: nonce, ad: ad, plain: plain).sealed
        switch tamper.what {
        case "ciphertext": sealed.ciphertext[tamper.index] ^= 0x01
        case "tag": sealed.tag[tamper.index] ^= 0x80
        case "nonce": nonce[tamper.index] ^= 0x01
        default: ad[tamper.index] ^= 0x01
        }
        let opened = PageCipher.open(cipher, key: key, nonce: nonce, ad: ad, sealed: sealed)
        #expect(opened.rc == SQLITE_IOERR_AUTH_CODE)
        #expect(opened.plain.allSatisfy { $0 == 0 })
        let inPlace = PageCipher.openInPlace(cipher, key: key, nonce: nonce, ad: ad, sealed: sealed)
        #expect(inPlace.rc == SQLITE_IOERR_AUTH_CODE)
        #expect(inPlace.plain.allSatisfy { $0 == 0 })
    }

    @Test("a wrong key is refused by both")
    func wrongKeyIsRefused() {
        let nonce = randomBytes(24), ad = randomBytes(25)
        let sealed = PageCipher.seal(.openssl, key: randomBytes(32), nonce: nonce, ad: ad,
                                     plain: randomBytes(4_040)).sealed
        for cipher in CipherImplementation.allCases {
            #expect(PageCipher.open(cipher, key: randomBytes(32), nonce: nonce, ad: ad, sealed: sealed).rc
                    == SQLITE_IOERR_AUTH_CODE)
        }
    }

    @Test("overlapping buffers, a missing buffer and an unknown implementation are misuse")
    func misuse() {
        var page = [UInt8](repeating: 7, count: 4_096)
        var tag = [UInt8](repeating: 0, count: 16)
        let key = [UInt8](repeating: 1, count: 32), nonce = [UInt8](repeating: 2, count: 24)
        let rc = page.withUnsafeMutableBufferPointer { p in
            parley_crypt_seal(PARLEY_CRYPT_CIPHER_OPENSSL, key, nonce, nil, 0, p.baseAddress, 4_056, p.baseAddress! + 8, &tag)
        }
        #expect(rc == SQLITE_MISUSE)
        let openRC = page.withUnsafeMutableBufferPointer { p in
            parley_crypt_open(PARLEY_CRYPT_CIPHER_OPENSSL, key, nonce, nil, 0, p.baseAddress, 4_000, tag, p.baseAddress! + 8)
        }
        #expect(openRC == SQLITE_MISUSE)
        var out = [UInt8](repeating: 0, count: 16)
        #expect(parley_crypt_seal(PARLEY_CRYPT_CIPHER_DEFAULT, key, nonce, nil, 5, page, 16, &out, &tag) == SQLITE_MISUSE)
        #expect(parley_crypt_seal(PARLEY_CRYPT_CIPHER_LIBSODIUM, key, nonce, nil, 0, nil, 16, &out, &tag) == SQLITE_MISUSE)
        #expect(parley_crypt_seal(3, key, nonce, nil, 0, page, 16, &out, &tag) == SQLITE_MISUSE)
        #expect(parley_crypt_use_cipher_on_this_thread(3) == SQLITE_MISUSE)
    }

    @Test("a thread can be set to libsodium and back to the VFS's choice; other threads are unaffected")
    func threadChoice() {
        #expect(parley_crypt_use_cipher_on_this_thread(PARLEY_CRYPT_CIPHER_LIBSODIUM) == SQLITE_OK)
        let here = parley_crypt_cipher()
        let elsewhere = cipherOnAnotherThread()
        #expect(parley_crypt_use_cipher_on_this_thread(PARLEY_CRYPT_CIPHER_DEFAULT) == SQLITE_OK)
        #expect(here == PARLEY_CRYPT_CIPHER_LIBSODIUM)
        #expect(elsewhere == PARLEY_CRYPT_CIPHER_OPENSSL)
        #expect(parley_crypt_cipher() == PARLEY_CRYPT_CIPHER_OPENSSL)
    }

    /// parley_crypt_cipher() as a new thread sees it.
    private func cipherOnAnotherThread() -> Int32 {
        /// Written by the thread before it signals, read after the wait.
        final class Result: @unchecked Sendable { var value: Int32 = -1 }
        let result = Result()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            result.value = parley_crypt_cipher()
            done.signal()
        }
        thread.start()
        done.wait()
        return result.value
    }
}
