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

/// The detector decodes every word shaped like an address; a text made only of
/// such words must still cost time linear in its length.
@Suite("Crypto wallet detector scaling")
struct CryptoWalletScalingTests {
    /// Words of the base58 alphabet at the lengths that reach a decoder (25–50
    /// characters, 95 for Monero), from a fixed pseudo-random sequence.
    private static func base58Words(bytes: Int) -> String {
        let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
        let lengths = [25, 34, 35, 43, 44, 47, 48, 95]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var text: [UInt8] = []
        text.reserveCapacity(bytes + 100)
        var word = 0
        while text.count < bytes {
            for _ in 0..<lengths[word % lengths.count] {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            text.append(0x20)
            word += 1
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The fastest of three runs of the detector alone, and the candidates it found.
    private static func time(_ text: String) -> (Duration, Int) {
        var text = text
        var best = Duration.seconds(1_000)
        var found = 0
        for _ in 0..<3 {
            let clock = ContinuousClock()
            let start = clock.now
            found = text.withUTF8 { bytes in
                var candidates: [Candidate] = []
                CryptoWalletDetector().detect(in: ScanInput(bytes: bytes), into: &candidates)
                return candidates.count
            }
            best = min(best, clock.now - start)
        }
        return (best, found)
    }

    @Test func staysLinearOnAMebibyteOfBase58Words() {
        let small = Self.base58Words(bytes: 128 * 1024)
        let large = Self.base58Words(bytes: 1024 * 1024)
        let (smallTime, _) = Self.time(small)
        let (largeTime, candidates) = Self.time(large)
        let ratio = largeTime / smallTime
        // Eight times the text: linear is ~8; a decoder rescanning the text would be ~64.
        #expect(ratio < 16, "1 MiB took \(ratio)× the time of 128 KiB")
        // Some random words decode to 32 bytes (Solana's shape) and wait for
        // context; without it none is redacted.
        #expect(candidates > 0)
        #expect(Fixture.redactor.detect(String(large.prefix(64 * 1024))).allSatisfy { $0.type != .cryptoWallet })
    }
}
