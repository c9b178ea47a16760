import Testing
@testable import ParleyCrypto

@Suite struct AEADTests {
    @Test func sealThenOpenRoundTrips() throws {
        let key = try SymmetricKey.random()
        let box = try AEAD.seal(Array("hello".utf8), key: key, associatedData: Array("row-1".utf8))
        #expect(box.count == 5 + AEAD.overhead)
        #expect(try AEAD.open(box, key: key, associatedData: Array("row-1".utf8)) == Array("hello".utf8))
    }

    @Test func sealingTwiceGivesDifferentBoxes() throws {
        let key = try SymmetricKey.random()
        #expect(try AEAD.seal([1, 2, 3], key: key) != AEAD.seal([1, 2, 3], key: key))
    }

    @Test func openFailsOnWrongKeyChangedByteOrOtherAssociatedData() throws {
        let key = try SymmetricKey.random()
        let box = try AEAD.seal(Array("secret".utf8), key: key, associatedData: [1])
        #expect(throws: CryptoError.authenticationFailure) {
            try AEAD.open(box, key: SymmetricKey.random(), associatedData: [1])
        }
        #expect(throws: CryptoError.authenticationFailure) {
            try AEAD.open(box, key: key, associatedData: [2])
        }
        for index in box.indices {
            var changed = box
            changed[index] ^= 0x01
            #expect(throws: CryptoError.authenticationFailure) {
                try AEAD.open(changed, key: key, associatedData: [1])
            }
        }
        #expect(throws: CryptoError.authenticationFailure) {
            try AEAD.open([1, 2, 3], key: key)
        }
    }
}
