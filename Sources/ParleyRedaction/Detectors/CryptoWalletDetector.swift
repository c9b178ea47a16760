/// Wallet addresses of the chains customers paste, each accepted only when its
/// own checksum holds (`CryptoWalletDetector+Chains`): Bitcoin (mainnet and
/// testnet), Litecoin, Dogecoin, TRON and XRP (Base58Check), segwit (bech32 /
/// bech32m), Ethereum and EVM chains (EIP-55), Bitcoin Cash (CashAddr), Monero,
/// Cardano and Substrate (SS58). Solana keys have no checksum and count only
/// near a context word ("wallet", "Solana", "SOL", …), as do SS58 addresses of
/// less common networks.
///
/// Words are ASCII alphanumeric runs, so trailing punctuation, quotes and URI
/// parts (`bitcoin:…?amount=`, `ethereum:…@1`) never join a span; only
/// `bitcoincash:`, part of a CashAddr, is taken in when written.
struct CryptoWalletDetector: PIIDetector {
    let name = "crypto-wallet"
    let entityType = PIIEntityType.cryptoWallet
    /// A checksum-validated address.
    static let score = 0.95
    /// An address without a checksum worth the name: below the default
    /// threshold alone, above it with a context word.
    static let contextScore = 0.3

    private static let cashAddrPrefix = Array("bitcoincash:".utf8)

    func detect(in input: ScanInput, into candidates: inout [Candidate]) {
        input.forEachWord { start, end in
            guard end - start >= Self.shortestAddress, let match = Self.identify(input.bytes, start, end) else {
                return
            }
            var spanStart = start
            let prefixStart = start - Self.cashAddrPrefix.count
            if match.chain == .bitcoinCash, input.matchesIgnoringCase(Self.cashAddrPrefix, at: prefixStart),
               input.isWordStart(prefixStart)
            {
                spanStart = prefixStart
            }
            candidates.append(
                Candidate(type: entityType, start: spanStart, end: end,
                          score: match.needsContext ? Self.contextScore : Self.score,
                          detector: name, usesContext: match.needsContext))
        }
    }
}
