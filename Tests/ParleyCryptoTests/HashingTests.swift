import Testing
@testable import ParleyCrypto

@Suite struct HashingTests {
    @Test func sha256MatchesFIPSKnownAnswers() {
        #expect(Hex.encode(SHA256.hash(Array("abc".utf8)))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Hex.encode(SHA256.hash([UInt8]()))
            == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func sha256IncrementalEqualsOneShot() {
        let message = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        var hasher = SHA256()
        hasher.update(message.prefix(10))
        hasher.update(message.dropFirst(10))
        #expect(Hex.encode(hasher.finalize())
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func blake2bMatchesRFC7693KnownAnswers() throws {
        // RFC 7693 appendix A: BLAKE2b-512("abc").
        #expect(try Hex.encode(BLAKE2b.hash(Array("abc".utf8)))
            == "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
            + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923")
        #expect(try Hex.encode(BLAKE2b.hash([UInt8]()))
            == "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419"
            + "d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce")
        #expect(try Hex.encode(BLAKE2b.hash(Array("abc".utf8), outputByteCount: 32))
            == "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319")
    }

    @Test func blake2bRejectsDigestLengthsOutsideItsRange() {
        #expect(throws: CryptoError.invalidLength(what: "digest", expected: 64, actual: 65)) {
            try BLAKE2b.hash([UInt8](), outputByteCount: 65)
        }
        #expect(throws: CryptoError.self) { try BLAKE2b.hash([UInt8](), outputByteCount: 8) }
    }

    @Test func keyedHashIsStablePerKeyAndDiffersAcrossKeys() throws {
        let keyA = try SymmetricKey.random()
        let keyB = try SymmetricKey.random()
        let value = Array("value".utf8)
        #expect(try KeyedHash.blake2b(value, key: keyA) == KeyedHash.blake2b(value, key: keyA))
        #expect(try KeyedHash.blake2b(value, key: keyA) != KeyedHash.blake2b(value, key: keyB))
    }

    @Test func hexRoundTripsAndRejectsBadInput() {
        #expect(Hex.decode("00ff10Ab") == [0x00, 0xFF, 0x10, 0xAB])
        #expect(Hex.encode([0x00, 0xFF, 0x10, 0xAB]) == "00ff10ab")
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
    }

    @Test func constantTimeEqualComparesContentAndLength() {
        #expect(constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!constantTimeEqual([1, 2, 3], [1, 2]))
    }
}
