import Testing
@testable import ParleyRedaction

@Suite("Crypto wallet detector")
struct CryptoWalletDetectorTests {
    @Test(arguments: [
        "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
        "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297",
    ])
    func findsAddressesWithValidChecksums(address: String) {
        #expect(Fixture.found("send it to \(address) please", .cryptoWallet) == [address])
    }

    @Test(arguments: [
        "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3",  // Base58Check checksum off
        "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz",
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr",  // bech32 checksum off
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzWf5mdq",  // mixed case
        "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3298",
        "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN0",  // 0 is not Base58
    ])
    func rejectsBadChecksums(address: String) {
        #expect(Fixture.found("wallet \(address)", .cryptoWallet).isEmpty)
    }

    @Test func rejectsSegwitV0WithBech32mChecksum() {
        // BIP 350: a v0 program must use bech32, not bech32m.
        #expect(Fixture.found("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", .cryptoWallet).isEmpty)
    }

    @Test func findsAddressAtEdgesAndInPunctuation() {
        #expect(Fixture.found("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", .cryptoWallet).count == 1)
        #expect(Fixture.found("(bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq).", .cryptoWallet).count == 1)
        #expect(Fixture.found("BTC:\"3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy\"", .cryptoWallet).count == 1)
    }
}
