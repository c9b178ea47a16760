import ParleyCrypto
import Testing
@testable import ParleyAudit

/// Signed notes against golang.org/x/mod/sumdb/note's published test data.
@Suite struct SignedNoteTests {
    /// From note_test.go: "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz".
    static let peterSeed = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
    static let peterKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    static let enochKey = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"
    static let text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
    static let peterSig = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
    static let enochSig = "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n"

    static func peterSigner() throws -> NoteSigner {
        let seed = Array(Base64.decode(peterSeed)!.dropFirst())
        return try NoteSigner(name: "PeterNeumann", signingKey: Ed25519.SigningKey(seed: SymmetricKey(copying: seed)))
    }

    @Test func keyHashAndVerifierKeyMatchTheGoNotePackage() throws {
        let signer = try Self.peterSigner()
        #expect(signer.verifierKey.keyID == 0xc74f20a3)
        #expect(signer.verifierKey.description == Self.peterKey)
        #expect(signer.verifierKey.identifier == "PeterNeumann+c74f20a3")
        #expect(try NoteVerifierKey(parsing: Self.enochKey).keyID == 0xaf0cfe78)
    }

    @Test func signingReproducesTheGoNotePackageByteForByte() throws {
        let note = try Self.peterSigner().signNote(text: Self.text)
        #expect(note == Self.text + "\n" + Self.peterSig)
    }

    @Test func openingVerifiesKnownKeyAndIgnoresUnknownSignatures() throws {
        let peter = try NoteVerifierKey(parsing: Self.peterKey)
        let enoch = try NoteVerifierKey(parsing: Self.enochKey)
        let note = try SignedNote(parsing: Self.text + "\n" + Self.peterSig + Self.enochSig)
        #expect(note.signatures.count == 2)
        #expect(try note.verifiedText(with: peter) == Self.text)
        #expect(try note.verifiedText(with: enoch) == Self.text)
        let onlyEnoch = try SignedNote(parsing: Self.text + "\n" + Self.enochSig)
        #expect(throws: AuditError.signatureInvalid("no signature by PeterNeumann+c74f20a3")) {
            try onlyEnoch.verifiedText(with: peter)
        }
    }

    @Test func signRoundTripsAndAnyChangedBodyByteFails() throws {
        let signer = try Fixture.signer()
        let body = "parley.example.bank/audit\n12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
        let note = try signer.signNote(text: body)
        #expect(try SignedNote(parsing: note).verifiedText(with: signer.verifierKey) == body)
        let bytes = Array(note.utf8)
        for index in 0..<body.utf8.count {
            var changed = bytes
            changed[index] ^= 0x01
            #expect(throws: AuditError.self) {
                try SignedNote(parsing: changed).verifiedText(with: signer.verifierKey)
            }
        }
    }

    @Test func wrongKeyFailsEvenWithTheSameName() throws {
        let signer = try Fixture.signer(seedByte: 1)
        let impostor = try Fixture.signer(seedByte: 2)
        let note = try SignedNote(parsing: signer.signNote(text: "hello\n"))
        #expect(throws: AuditError.self) { try note.verifiedText(with: impostor.verifierKey) }
        // Same name and a colliding key id but another public key: the signature check still fails.
        let forged = try SignedNote(parsing: "hello\n\n— \(signer.name) \(impostor.signatureBlob(for: "hello\n"))\n")
        #expect(throws: AuditError.self) { try forged.verifiedText(with: signer.verifierKey) }
    }

    @Test func invalidSignatureByKnownKeyRejectsWholeNote() throws {
        let peter = try NoteVerifierKey(parsing: Self.peterKey)
        let broken = Self.text + "\n" + Self.peterSig.prefix(60) + "ABCD" + Self.peterSig.dropFirst(60)
        #expect(throws: AuditError.self) { try SignedNote(parsing: broken).verifiedText(with: peter) }
    }

    @Test func malformedNotesAreRejected() {
        let bad = [
            Self.text,
            Self.text + "\n",
            Self.text + "\n" + Self.peterSig.dropLast(),
            "\u{01}" + Self.text + "\n" + Self.peterSig,
            Self.text + "\n" + "— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
            Self.text + "\n" + Self.peterSig + "Unexpected line.\n",
            Self.text + "\n" + "- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            Self.text + "\n" + "— PeterNeumann AAAA\n",
            Self.text + "\n" + String(repeating: Self.peterSig, count: 101),
            "",
        ]
        for note in bad {
            #expect(throws: AuditError.self) { try SignedNote(parsing: note) }
        }
        #expect(throws: AuditError.self) { try SignedNote(parsing: [0xFF] + Array((Self.text + "\n" + Self.peterSig).utf8)) }
    }

    @Test func verifierKeyParsingIsStrict() throws {
        let bytes = Array(Self.peterKey.utf8)
        for start in 0...bytes.count {
            for end in (start + 1)...max(start + 1, bytes.count) where end <= bytes.count && !(start == 0 && end == bytes.count) {
                #expect(throws: AuditError.self) { try NoteVerifierKey(parsing: String(decoding: bytes[start..<end], as: UTF8.self)) }
            }
        }
        for index in bytes.indices {
            var changed = bytes
            changed[index] &+= 1
            #expect(throws: AuditError.self) { try NoteVerifierKey(parsing: String(decoding: changed, as: UTF8.self)) }
        }
        let rejected = [
            "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",
            "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
            "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
            Self.peterKey + "\n", " " + Self.peterKey, Self.peterKey + "+x",
        ]
        for key in rejected {
            #expect(throws: AuditError.self) { try NoteVerifierKey(parsing: key) }
        }
        #expect(try NoteVerifierKey(parsing: Self.peterKey).description == Self.peterKey)
    }

    @Test func verifierKeysWhoseBase64HoldsPlusSignsRoundTrip() throws {
        var sawPlus = false
        for seed in UInt8(0)...UInt8(63) {
            let key = try Fixture.signer(seedByte: seed).verifierKey
            sawPlus = sawPlus || key.description.split(separator: "+").count > 3
            #expect(try NoteVerifierKey(parsing: key.description) == key)
        }
        #expect(sawPlus)
    }

    @Test func keyNamesWithSpacesOrPlusAreRefused() throws {
        let key = try Fixture.signer().verifierKey.publicKey
        for name in ["", "a b", "a+b", "a\tb", "a\u{00A0}b", "a\nb"] {
            #expect(throws: AuditError.self) { try NoteVerifierKey(name: name, publicKey: key) }
        }
    }

    @Test func signerDescriptionNamesTheKeyOnly() throws {
        let signer = try Fixture.signer()
        #expect(signer.description == "NoteSigner(\(signer.verifierKey.identifier))")
    }
}
