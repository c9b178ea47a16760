import Testing
@testable import ParleyRedaction

/// Published vectors for the checksums behind `CryptoWalletDetector`.
@Suite("Crypto address checksums")
struct CryptoChecksumTests {
    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    @Test func keccak256MatchesTheKeccakSubmissionNotSHA3() {
        #expect(Self.hex(Keccak256.hash([UInt8]()))
            == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
        #expect(Self.hex(Keccak256.hash(Array("abc".utf8)))
            == "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")
        // SHA3-256("") is a7ffc6f8…: the 0x06 padding would give that instead.
        #expect(!Self.hex(Keccak256.hash([UInt8]())).hasPrefix("a7ffc6f8"))
    }

    @Test func keccak256AbsorbsMessagesLongerThanOneBlock() {
        // 200 bytes span two 136-byte blocks; 136 exactly needs a whole padding block.
        #expect(Self.hex(Keccak256.hash([UInt8](repeating: 0x61, count: 200)))
            == "96ea54061def936c4be90b518992fdc6f12f535068a256229aca54267b4d084d")
        #expect(Keccak256.hash([UInt8](repeating: 0, count: 136)) != Keccak256.hash([UInt8](repeating: 0, count: 135)))
    }

    @Test(arguments: [
        "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "fB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "dbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "D1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        "52908400098527886E0F7030069857D2E4169EE7", "8617E340B3D01FA5F11F306F4090FD50E238070D",
        "de709f2102306220921060314715629080e2fb77", "27b1fdb04752bbc536007a920d24acb045561c26",
    ])
    func eip55AcceptsTheEIPVectors(hex: String) {
        #expect(EIP55.isValid(Array(hex.utf8)))
    }

    @Test(arguments: [
        "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",  // last letter's case flipped
        "5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed",  // second letter's
        "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe",  // 39 digits
        "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg",  // not hex
    ])
    func eip55RejectsWrongCaseAndLength(hex: String) {
        #expect(!EIP55.isValid(Array(hex.utf8)))
    }

    @Test(arguments: [
        "A12UEL5L", "a12uel5l",
        "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
        "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
        "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w", "?1ezyfcl",
    ])
    func bech32DecodesBIP173Vectors(text: String) {
        #expect(Bech32.decode(Array(text.utf8))?.encoding == .bech32)
    }

    @Test(arguments: [
        "A1LQFN3A", "a1lqfn3a", "abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx",
        "11llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllludsr8",
        "split1checkupstagehandshakeupstreamerranterredcaperredlc445v", "?1v759aa",
    ])
    func bech32mDecodesBIP350Vectors(text: String) {
        #expect(Bech32.decode(Array(text.utf8))?.encoding == .bech32m)
    }

    @Test(arguments: [
        "qyrz8wqd2c9m", "1qyrz8wqd2c9m", "y1b0jsk6g", "lt1igcx5c0", "in1muywd", "mm1crxm3i", "au1s5cgom",
        "M1VUXWEZ", "16plkw9", "1p2gdwpf",
        "an84characterslonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11d6pts4",
    ])
    func bech32RejectsBIP350InvalidStrings(text: String) {
        #expect(Bech32.decode(Array(text.utf8)) == nil)
    }

    @Test(arguments: [
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",  // bech32 instead of bech32m
        "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL",
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh",  // bech32m instead of bech32
        "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4",  // invalid character
        "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R",  // version 17
        "bc1pw5dgrnzv",  // program of one byte
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav",  // 41 bytes
        "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P",  // v0 program of 16 bytes
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf",  // padding of 5 bits
        "bc1gmk9yu",  // empty data
        "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j",  // non-zero padding
    ])
    func segwitRejectsBIP350InvalidAddresses(address: String) {
        let prefixes = [Array("bc".utf8), Array("tb".utf8)]
        #expect(!Bech32.isValidSegwitAddress(Array(address.utf8), prefixes: prefixes))
    }

    @Test func segwitRejectsAnotherChainsPrefix() {
        let testnet = Array("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7".utf8)
        #expect(Bech32.isValidSegwitAddress(testnet, prefixes: [Array("tb".utf8)]))
        #expect(!Bech32.isValidSegwitAddress(testnet, prefixes: [Array("bc".utf8)]))
    }

    @Test func cashAddrAcceptsTheSpecExamplesAndRejectsChangedOnes() {
        // The CashAddr spec: P2PKH and P2SH of the hash behind 1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu.
        #expect(CashAddr.isValidPayload(Array("qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a".utf8)))
        #expect(CashAddr.isValidPayload(Array("ppm2qsznhks23z7629mms6s4cwef74vcwvn0h829pq".utf8)))
        #expect(CashAddr.isValidPayload(Array("QPM2QSZNHKS23Z7629MMS6S4CWEF74VCWVY22GDX6A".utf8)))
        #expect(!CashAddr.isValidPayload(Array("qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6b".utf8)))
        #expect(!CashAddr.isValidPayload(Array("qpm2qsznhks23z7629mms6s4cwef74vcwvY22gdx6a".utf8)))  // mixed case
        // The same body checksummed for another prefix (bchtest) fails under bitcoincash.
        #expect(!CashAddr.isValidPayload(Array("qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6".utf8)))
    }

    @Test func base58DecodesLeadingZerosAndRejectsCharactersOutsideTheAlphabet() {
        #expect(Base58.decode(Array("11111111111111111111111111111111".utf8)) == [UInt8](repeating: 0, count: 32))
        #expect(Base58.decode(Array("1112".utf8)) == [0, 0, 0, 1])
        #expect(Base58.decode(Array("5Q".utf8)) == [0xFF])
        #expect(Base58.decode(Array("1O".utf8)) == nil)
        #expect(Base58.decode([UInt8]()) == [])
    }

    @Test func base58CheckReadsVersionBytes() {
        #expect(Base58Check.version(of: Array("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa".utf8)) == 0x00)
        #expect(Base58Check.version(of: Array("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t".utf8)) == 0x41)
        #expect(Base58Check.version(of: Array("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh".utf8), alphabet: .ripple) == 0x00)
        #expect(Base58Check.version(of: Array("rrrrrrrrrrrrrrrrrrrrrhoLvTp".utf8), alphabet: .ripple) == 0x00)
        #expect(Base58Check.version(of: Array("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb".utf8)) == nil)
    }

    @Test func moneroAcceptsTheGeneralFundAddressAndRejectsABlockOverflow() {
        let fund = "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A"
        #expect(MoneroAddress.isValid(Array(fund.utf8)))
        #expect(MoneroAddress.decode(Array(fund.utf8))?.count == 69)
        // 11 z's exceed 2^64: no 8-byte block encodes to them.
        #expect(MoneroAddress.decode(Array("zzzzzzzzzzz".utf8)) == nil)
        #expect(MoneroAddress.decode(Array("1111".utf8)) == nil)  // 4 characters is no block size
        var changed = Array(fund.utf8)
        changed[40] = changed[40] == 0x61 ? 0x62 : 0x61
        #expect(!MoneroAddress.isValid(changed))
    }

    @Test func ss58ReadsThePrefixOfAlicesAddressInThreeNetworks() {
        let cases: [(String, Int)] = [
            ("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", 42),
            ("15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5", 0),
            ("HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F", 2),
            ("Vdtfi1TjWwPEFAVaydfQTiK5zon1YJZ5S1BYvJeMRkfeB4qXb", 1284),  // a two-byte prefix (Moonbeam)
        ]
        for (address, prefix) in cases {
            let decoded = Base58.decode(Array(address.utf8)) ?? []
            #expect(SS58.prefix(ofDecoded: decoded) == prefix, "\(address)")
        }
        let changed = Base58.decode(Array("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ".utf8)) ?? []
        #expect(SS58.prefix(ofDecoded: changed) == nil)
    }

    @Test(arguments: [
        "addr1qx2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzer3n0d3vllmyqwsx5wktcd8cc3sq835lu7drv2xwl2wywfgse35a3x",
        "addr1x8phkx6acpnf78fuvxn0mkew3l0fd058hzquvz7w36x4gt7r0vd4msrxnuwnccdxlhdjar77j6lg0wypcc9uar5d2shskhj42g",
        "addr1gx2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzer5pnz75xxcrzqf96k",
        "addr1vx2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzers66hrl8",
        "addr1w8phkx6acpnf78fuvxn0mkew3l0fd058hzquvz7w36x4gtcyjy7wx",
    ])
    func cardanoAcceptsCIP19MainnetVectors(address: String) {
        #expect(CardanoAddress.isValid(Array(address.utf8)))
    }

    @Test func cardanoRejectsTestnetAndChangedAddresses() {
        let testnet = "addr_test1qz2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzer3n0d3vllmyqwsx5wktcd8cc3sq835lu7drv2xwl2wywfgs68faae"
        #expect(!CardanoAddress.isValid(Array(testnet.utf8)))
        #expect(!CardanoAddress.isValid(Array("addr1vx2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzers66hrl9".utf8)))
    }
}
