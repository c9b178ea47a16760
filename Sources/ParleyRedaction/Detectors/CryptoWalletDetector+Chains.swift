/// Which chain's address a word is. Each test starts with shape checks that
/// cost a few byte comparisons (first characters, length, alphabet) and
/// decodes only what passes them, so a long text of address-like words stays
/// linear: every decode is bounded by the longest address (130 characters).
extension CryptoWalletDetector {
    /// The shortest address: a segwit v1+ program of two bytes (`bc1` + 11).
    static let shortestAddress = 14

    /// Segwit's human-readable parts and their chains.
    private static let segwitPrefixes: [(prefix: [UInt8], chain: CryptoChain)] = [
        (Array("bc".utf8), .bitcoin), (Array("tb".utf8), .bitcoinTestnet), (Array("ltc".utf8), .litecoin),
    ]
    private static let segwitStarts: [[UInt8]] = segwitPrefixes.map { $0.prefix + [0x31] }  // "bc1", "tb1", "ltc1"
    private static let cardanoStart = CardanoAddress.prefix + [0x31]  // "addr1"

    /// The chain whose address `text` is, if any (one word, nothing around it).
    static func identify(_ text: String) -> CryptoAddressMatch? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { identify($0, 0, $0.count) }
    }

    /// The chain whose address the word `bytes[start..<end]` is, if any.
    static func identify(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> CryptoAddressMatch? {
        let length = end - start
        guard length >= shortestAddress else { return nil }
        let first = bytes[start]
        let second = bytes[start + 1]
        if first == 0x30, second == 0x78 {  // 0x
            guard length == 2 + EIP55.hexLength, EIP55.isValid(Array(bytes[(start + 2)..<end])) else { return nil }
            return CryptoAddressMatch(chain: .ethereum, needsContext: false)
        }
        if let match = bech32Address(bytes, start, end) { return match }
        if length == CashAddr.payloadLength, first | 0x20 == 0x71 || first | 0x20 == 0x70,  // q, p
           CashAddr.isValidPayload(Array(bytes[start..<end]))
        {
            return CryptoAddressMatch(chain: .bitcoinCash, needsContext: false)
        }
        if length == MoneroAddress.standardLength || length == MoneroAddress.integratedLength {
            guard first == 0x34 || first == 0x38, MoneroAddress.isValid(Array(bytes[start..<end])) else { return nil }
            return CryptoAddressMatch(chain: .monero, needsContext: false)
        }
        return base58Address(bytes, start, end)
    }

    /// Segwit (`bc1`, `tb1`, `ltc1`) and Cardano (`addr1`) addresses.
    private static func bech32Address(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
    ) -> CryptoAddressMatch? {
        func starts(with literal: [UInt8]) -> Bool {
            guard end - start > literal.count else { return false }
            for offset in 0..<literal.count where bytes[start + offset].asciiLowercased != literal[offset] {
                return false
            }
            return true
        }
        let length = end - start
        if length <= Bech32.standardMaximumLength, let index = segwitStarts.firstIndex(where: starts(with:)) {
            let (prefix, chain) = segwitPrefixes[index]
            guard Bech32.isValidSegwitAddress(Array(bytes[start..<end]), prefixes: [prefix]) else { return nil }
            return CryptoAddressMatch(chain: chain, needsContext: false)
        }
        if length <= CardanoAddress.maximumLength, starts(with: cardanoStart) {
            guard CardanoAddress.isValid(Array(bytes[start..<end])) else { return nil }
            return CryptoAddressMatch(chain: .cardano, needsContext: false)
        }
        return nil
    }

    /// Base58Check (Bitcoin family, TRON, XRP), SS58 and Solana: one decode,
    /// told apart by the decoded length.
    private static func base58Address(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
    ) -> CryptoAddressMatch? {
        let length = end - start
        guard length >= 25, length <= 50, Base58Alphabet.bitcoin.contains(all: bytes, start, end) else { return nil }
        let text = Array(bytes[start..<end])
        guard let decoded = Base58.decode(text) else { return nil }
        switch decoded.count {
        case Base58Check.addressByteCount:
            if let version = Base58Check.version(ofDecoded: decoded),
               let chain = CryptoChain.ofBase58Check(version: version, length: length)
            {
                return CryptoAddressMatch(chain: chain, needsContext: false)
            }
        case 32 where length >= 32 && length <= 44:
            return CryptoAddressMatch(chain: .solana, needsContext: true)
        case 35...37 where length >= 46:
            if let prefix = SS58.prefix(ofDecoded: decoded) {
                return CryptoAddressMatch(chain: .substrate, needsContext: !SS58.commonPrefixes.contains(prefix))
            }
        default:
            break
        }
        // XRP orders the same 58 characters differently; its addresses start with r (zero).
        if bytes[start] == Base58Alphabet.ripple.zero, length <= 35,
           Base58Check.version(of: text, alphabet: .ripple) == 0
        {
            return CryptoAddressMatch(chain: .xrp, needsContext: false)
        }
        return nil
    }
}
