import Testing
@testable import ParleyCrypto

@Suite struct SignatureTests {
    // RFC 8032, section 7.1, TEST 1 (empty message).
    @Test func ed25519MatchesRFC8032TestVector() throws {
        let seed = try SymmetricKey(copying: Hex.decode(
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")!)
        let key = try Ed25519.SigningKey(seed: seed)
        #expect(Hex.encode(key.publicKey)
            == "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
        let signature = try key.signature(for: [UInt8]())
        #expect(Hex.encode(signature)
            == "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")
        #expect(Ed25519.isValidSignature(signature, for: [UInt8](), publicKey: key.publicKey))
    }

    @Test func ed25519RejectsAChangedMessageOrKey() throws {
        let key = try Ed25519.SigningKey(seed: .random())
        let other = try Ed25519.SigningKey(seed: .random())
        let message = Array("checkpoint".utf8)
        let signature = try key.signature(for: message)
        #expect(!Ed25519.isValidSignature(signature, for: Array("checkpoinT".utf8), publicKey: key.publicKey))
        #expect(!Ed25519.isValidSignature(signature, for: message, publicKey: other.publicKey))
        #expect(!Ed25519.isValidSignature(Array(signature.dropLast()), for: message, publicKey: key.publicKey))
    }
}
