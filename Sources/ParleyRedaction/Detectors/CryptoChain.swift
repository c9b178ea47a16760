/// The chains whose addresses `CryptoWalletDetector` recognises, and what one
/// recognised word is.
enum CryptoChain: String, CaseIterable, Sendable {
    case bitcoin, bitcoinTestnet, litecoin, dogecoin, ethereum, bitcoinCash, xrp, tron, monero, cardano, solana
    /// Polkadot, Kusama and every other Substrate chain (SS58).
    case substrate

    /// The chain of a 25-byte Base58Check address with this version byte (and
    /// text length, for TRON's fixed 34 characters); nil for other versions.
    static func ofBase58Check(version: UInt8, length: Int) -> CryptoChain? {
        switch version {
        case 0x00, 0x05: return .bitcoin  // 1…, 3… (Litecoin's old P2SH shares 0x05)
        case 0x6F, 0xC4: return .bitcoinTestnet  // m…/n…, 2…
        case 0x30, 0x32: return .litecoin  // L…, M…
        case 0x1E, 0x16: return .dogecoin  // D…, 9…/A…
        case 0x41: return length == 34 ? .tron : nil  // T…
        default: return nil
        }
    }
}

/// A word recognised as an address.
struct CryptoAddressMatch: Equatable, Sendable {
    let chain: CryptoChain
    /// True when nothing in the address itself proves it (Solana keys have no
    /// checksum; an SS58 checksum is 16 bits, so only the common networks
    /// stand alone): it counts only near a context word.
    let needsContext: Bool
}
