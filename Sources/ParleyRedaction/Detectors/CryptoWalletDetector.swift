/// Bitcoin addresses: legacy Base58Check (P2PKH `1…`, P2SH `3…`) with the
/// double-SHA-256 checksum verified, and segwit `bc1…` addresses with the bech32
/// or bech32m checksum verified.
struct CryptoWalletDetector: PIIDetector {
    let name = "crypto-wallet"
    let entityType = PIIEntityType.cryptoWallet
    static let score = 0.95

    func detect(in input: ScanInput, into candidates: inout [Candidate]) {
        input.forEachWord { start, end in
            let length = end - start
            let first = input[start]
            if length >= 25, length <= 35, first == 0x31 || first == 0x33 {
                if Base58Check.isValidAddress(Array(input.bytes[start..<end])) { append(start, end, &candidates) }
            } else if length >= 14, length <= 90, first | 0x20 == 0x62, input[start + 1] | 0x20 == 0x63,
                      input[start + 2] == 0x31
            {
                if Bech32.isValidSegwitAddress(Array(input.bytes[start..<end])) { append(start, end, &candidates) }
            }
        }
    }

    private func append(_ start: Int, _ end: Int, _ candidates: inout [Candidate]) {
        candidates.append(
            Candidate(type: entityType, start: start, end: end, score: Self.score, detector: name, usesContext: false))
    }
}
