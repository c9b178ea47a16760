import Testing
@testable import ParleyRedaction

/// Each chain's addresses, found in sentences and refused one character off.
/// Addresses are published vectors or made here from random keys.
@Suite("Crypto wallet chains")
struct CryptoWalletChainTests {
    /// One valid address of every chain and form, with its chain.
    static let addresses: [(String, CryptoChain)] = [
        ("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", .bitcoin),
        ("3PvD4MZNVSrZTNRYAV8NR6yRNTJp1Sc7kQ", .bitcoin),
        ("bc1qsyrrz56d0fqplmcdu7dazwzcrdueant30t549c", .bitcoin),
        ("bc1qnl62e3pmensmergn6jwxu4ha5lu9vyg8wt6txet5wulearudsazsmklhk4", .bitcoin),
        ("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", .bitcoin),
        ("BC1SW50QGDZ25J", .bitcoin),
        ("mpN9KqMrhkuoecAvraNoVTRVh5nb8hTMEh", .bitcoinTestnet),
        ("2N2NDWPbX2GKDBUq9ns5pD54dDRJkc9wGTf", .bitcoinTestnet),
        ("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7", .bitcoinTestnet),
        ("tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c", .bitcoinTestnet),
        ("LffpTWW7NVPxbFnnascr86CQkDx4YryEeU", .litecoin),
        ("MWLwoRHaQSoiStcb5v22C4P8PPbdBMvL97", .litecoin),
        ("ltc1qughd5y998u694ffaew8ld0ceg9gkwvfagjdlak", .litecoin),
        ("DKG8XMcNp9WvspzpAqn2Ym7faWrehzripv", .dogecoin),
        ("A7WKLwqBf17ZNj2bk9vHg4NgTAUJXM41Uq", .dogecoin),
        ("9uLNuvqAqdk1jQT12gKnqqawurx3ABGzo9", .dogecoin),
        ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", .ethereum),
        ("0x023f8a94136817e114fc15975e3d6d5eedbde301", .ethereum),
        ("0xB11F920BA39CE8B323FD448D0A01275BB9A17296", .ethereum),
        ("qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a", .bitcoinCash),
        ("ppm2qsznhks23z7629mms6s4cwef74vcwvn0h829pq", .bitcoinCash),
        ("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh", .xrp),
        ("rMDNGs4afCjuhcF8g3wvdVSnCKBgPi6v2L", .xrp),
        ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", .tron),
        ("44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A", .monero),
        ("893AoAYjFhSXZf8RjN9j6ngSexmRCG4PwPWkjGMXYhZELDe4NPsgjDD1uv2gZYWdqn1MAdXpwUxUWFqQgX7zE6yPMoXUoUr", .monero),
        ("addr1qx2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzer3n0d3vllmyqwsx5wktcd8cc3sq835lu7drv2xwl2wywfgse35a3x", .cardano),
        ("addr1v8sgvf8r84jehpkcxw07cv82gr0erc96x05wrswhsxhtn5ch0ha9t", .cardano),
        ("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", .substrate),
        ("15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5", .substrate),
        ("HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F", .substrate),
    ]

    @Test(arguments: addresses)
    func identifiesEachChainsAddress(address: String, chain: CryptoChain) {
        #expect(CryptoWalletDetector.identify(address) == CryptoAddressMatch(chain: chain, needsContext: false))
    }

    @Test(arguments: addresses)
    func redactsEachChainsAddressInASentenceWithoutContext(address: String, chain: CryptoChain) {
        let text = "Hi, the refund should go to \(address). Thanks!"
        #expect(Fixture.found(text, .cryptoWallet) == [address])
        #expect(Fixture.redactor.redact(text).redactedText == "Hi, the refund should go to [CRYPTO_WALLET]. Thanks!")
    }

    /// One character of each chain's address changed within its alphabet
    /// (checked with the dev corpus's Python validators to be no chain's address).
    @Test(arguments: [
        "1MUghKuLwhBUkfFs3PJ6UyqekorYjBRJHz", "3PvD4MZNVSrZTNRYAV8NR6yRNTJp1Sc78Q",
        "bc1qsyrrz56d0fqplmcdu7dazwzcrdue9nt30t549c", "bc1qfl62e3pmensmergn6jwxu4ha5lu9vyg8wt6txet5wulearudsazsmklhk4",
        "bc1pvx3gccn5pvar3ul2j3gvnwmhf3cek0vryn5a66qg2twdzksu5d9q0pygk2", "mpN9KqMrhkuoecAvraNoVTRVh5ns8hTMEh",
        "2N2NDWPbX2GKDBUq9ns5pD54dDRJkc9wGLf", "tb1qlh6as2lz4mrzt4c738treknq9zjcz432ezq7de",
        "tb1p56dywgud4g3sugyqemj2hqr675lltk7y7r9ul0c4rdnaw6m87r7qq6h6w7", "LffpTWW7EVPxbFnnascr86CQkDx4YryEeU",
        "MWLwoRHaQSEiStcb5v22C4P8PPbdBMvL97", "ltc1q2ghd5y998u694ffaew8ld0ceg9gkwvfagjdlak",
        "DKG8kMcNp9WvspzpAqn2Ym7faWrehzripv", "0x4aC166FA70242fE294ba18bdb661AeB9CF7a6d7a",
        "bitcoincash:qpfn0xq7yde767zlq7cjs8jq7rc6l0ezngsu86xtpk", "qqpaqmvux2r730tanrsetksgqq04j9eysu0q63xndn",
        "rMDNGs4afCjuhcF8L3wvdVSnCKBgPi6v2L", "TJ7EiyESW4Pev2sXrF8GmvTPj9VTErXvj2",
        "468rc7jb6SfQwJ7VryPZq96xTaSCjBoAwFxQNtiFJJU8Vscw4nS4GHF3KdX3ku1WjYAa172HzbWVZJjHsfkdyUrqTY5bVer",
        "893AoAYjFhSXZf8RjN9j6ngSexmRCG4PwPWkjGMHYhZELDe4NPsgjDD1uv2gZYWdqn1MAdXpwUxUWFqQgX7zE6yPMoXUoUr",
        "addr1z87w26cvqtq4av9c2t0yw7v4vkzmw9eddut9pgu0cstrdcvhhve3r20w9rwtkcmch9nt832yzmyadh9dta8rgrle2kmsz4c2m5",
        "addr1v8sgvf8r84jehpkcxj07cv82gr0erc96x05wrswhsxhtn5ch0ha9t",
        "14TLst6c99R5GUrrRm6VVaWgUSygecoaSLtXuyPa9iaz8gX3", "Dse1bmRVg6t4Bcf3qYa71wSQNsXd2SL53mcH2XnVpN4HMh8",
        "5Dsg8P4LyRxqfFHkr8AXumufmX4TS5Ni5QtbPhS9b13SaetK",
    ])
    func doesNotRedactAnAddressOneCharacterOff(address: String) {
        #expect(Fixture.found("my wallet address is \(address)", .cryptoWallet).isEmpty)
    }

    @Test func redactsASolanaKeyOnlyNearAContextWord() {
        let key = "43SivL2PHBnYi8EdYbhCygbGDcA6ASwnCqeHubnu1Akv"
        #expect(CryptoWalletDetector.identify(key) == CryptoAddressMatch(chain: .solana, needsContext: true))
        #expect(Fixture.found("the value is \(key) today", .cryptoWallet).isEmpty)
        #expect(Fixture.found("my Solana address is \(key)", .cryptoWallet) == [key])
        #expect(Fixture.found("SOL: \(key)", .cryptoWallet) == [key])
        #expect(Fixture.found("\(key) is my Phantom wallet", .cryptoWallet) == [key])
        #expect(Fixture.found("Meine Wallet-Adresse (Solana): \(key), danke!", .cryptoWallet) == [key])
    }

    @Test func readsAContextWordFromALabelOnTheLineAbove() {
        let key = "43SivL2PHBnYi8EdYbhCygbGDcA6ASwnCqeHubnu1Akv"
        #expect(Fixture.found("SOL address:\n\(key)\nThanks in advance", .cryptoWallet) == [key])
        #expect(Fixture.found("SOL address: \r\n  \(key)", .cryptoWallet) == [key])
        // Without the colon the line above is another sentence; two lines up is too far.
        #expect(Fixture.found("my Solana wallet\n\(key)", .cryptoWallet).isEmpty)
        #expect(Fixture.found("SOL address:\n\nthe value\n\(key)", .cryptoWallet).isEmpty)
    }

    @Test func redactsAnSS58AddressOfARareNetworkOnlyNearAContextWord() {
        let astar = "asxYEL7kJVRHcr9AaQEEmboCaYnYkwPNxetSP85DkAzfzLK"  // prefix 5: valid, but only 16 checksum bits
        #expect(CryptoWalletDetector.identify(astar) == CryptoAddressMatch(chain: .substrate, needsContext: true))
        #expect(Fixture.found("see \(astar) above", .cryptoWallet).isEmpty)
        #expect(Fixture.found("my Polkadot wallet: \(astar)", .cryptoWallet) == [astar])
    }

    @Test(arguments: [
        "0x5aaeb6053fe94c9b9a09f33669435e7ef1beaed5aaeb6053f3e94c9b9a09f336",  // 0x + 64 hex: a transaction hash
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",  // EIP-55 case broken
        "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae",  // 39 hex
        "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed1",  // 41 hex
        "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",  // 40 hex without 0x: a git commit
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",  // a SHA-256 digest
        "123e4567-e89b-12d3-a456-426614174000",
        "sk_live_51HqLyjWDarjtT1zdp7dcXbNm8qWuPsKr",
    ])
    func doesNotRedactHashesCommitsAndKeys(text: String) {
        #expect(Fixture.found("wallet tx \(text) done", .cryptoWallet).isEmpty)
    }

    @Test func labelsOnlyTheAddressInsidePaymentURIs() {
        let bitcoin = "bc1qsyrrz56d0fqplmcdu7dazwzcrdueant30t549c"
        #expect(Fixture.found("pay bitcoin:\(bitcoin)?amount=0.5&label=refund", .cryptoWallet) == [bitcoin])
        #expect(Fixture.found("BITCOIN:\(bitcoin.uppercased())?amount=1", .cryptoWallet) == [bitcoin.uppercased()])
        let ether = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
        #expect(Fixture.found("ethereum:\(ether)@1?value=1e18", .cryptoWallet) == [ether])
        let key = "43SivL2PHBnYi8EdYbhCygbGDcA6ASwnCqeHubnu1Akv"
        #expect(Fixture.found("solana:\(key)?amount=0.1", .cryptoWallet) == [key])
    }

    @Test func takesTheBitcoinCashPrefixIntoTheSpanWhenWritten() {
        let body = "qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a"
        #expect(Fixture.found("send to bitcoincash:\(body)?amount=1", .cryptoWallet) == ["bitcoincash:" + body])
        #expect(Fixture.found("BITCOINCASH:\(body.uppercased())", .cryptoWallet) == ["BITCOINCASH:" + body.uppercased()])
        #expect(Fixture.found("send to \(body) now", .cryptoWallet) == [body])
        #expect(Fixture.found("notbitcoincash:\(body)", .cryptoWallet) == [body])
    }

    @Test(arguments: [".", ",", ")", "!", "?", ";", ":", "\"", "'", "»", "」", "，", "”", "`"])
    func leavesTrailingPunctuationOutOfTheSpan(mark: String) {
        let address = "0x023f8a94136817e114fc15975e3d6d5eedbde301"
        #expect(Fixture.found("to \(address)\(mark)", .cryptoWallet) == [address])
    }

    @Test func findsAnAddressTouchingCJKText() {
        let address = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
        let text = "我的BTC地址是\(address)，谢谢"
        #expect(Fixture.found(text, .cryptoWallet) == [address])
        let span = Fixture.redactor.detect(text).first { $0.type == .cryptoWallet }
        #expect(span?.start == 8 && span?.end == 8 + address.count)  // Unicode scalar offsets
    }
}
