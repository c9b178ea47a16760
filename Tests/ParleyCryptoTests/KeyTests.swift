import Testing
@testable import ParleyCrypto

@Suite struct KeyTests {
    @Test func derivedSubkeysAreDeterministicAndDistinctPerContext() throws {
        let master = try SymmetricKey.random()
        let database = KeyDerivationContext(context: "parleydb", subkeyID: 1)
        let audit = KeyDerivationContext(context: "parleyau", subkeyID: 1)
        #expect(try master.derive(database) == master.derive(database))
        #expect(try master.derive(database) != master.derive(audit))
        #expect(try master.derive(database) != SymmetricKey.random().derive(database))
    }

    @Test func keyDescriptionNeverShowsBytes() throws {
        let key = try SymmetricKey(copying: [UInt8](repeating: 0xAB, count: 32))
        #expect(key.description == "SymmetricKey(redacted)")
        #expect(!String(describing: key.bytes).contains("ab"))
    }

    @Test func keyOfWrongLengthIsRejected() {
        #expect(throws: CryptoError.invalidLength(what: "key", expected: 32, actual: 16)) {
            try SymmetricKey(copying: [UInt8](repeating: 0, count: 16))
        }
    }

    @Test func passphraseDerivationDependsOnPassphraseAndSalt() throws {
        let salt = [UInt8](repeating: 7, count: PasswordKey.saltByteCount)
        let pass = try SecureBytes(copying: Array("correct horse".utf8))
        let a = try PasswordKey.derive(passphrase: pass, salt: salt, limits: .minimum)
        let b = try PasswordKey.derive(passphrase: pass, salt: salt, limits: .minimum)
        let otherSalt = [UInt8](repeating: 8, count: PasswordKey.saltByteCount)
        let c = try PasswordKey.derive(passphrase: pass, salt: otherSalt, limits: .minimum)
        #expect(a == b)
        #expect(a != c)
    }
}
