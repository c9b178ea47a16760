/// Bitcoin Cash addresses (CashAddr): `bitcoincash:` (optional when written)
/// then `q…` (P2PKH) or `p…` (P2SH), 42 characters of the bech32 charset in
/// one case, with a 40-bit BCH checksum computed over the prefix even when
/// the prefix is not written.
enum CashAddr {
    static let prefix = Array("bitcoincash".utf8)
    /// Characters after the prefix and colon: a version byte and a 20-byte hash
    /// in 5-bit groups (34), then the 8-character checksum.
    static let payloadLength = 42

    private static func polymod(_ values: [UInt8]) -> UInt64 {
        let generator: [UInt64] = [0x98_f2bc_8e61, 0x79_b76d_99e2, 0xf3_3e5f_b3c4, 0xae_2eab_e2a8, 0x1e_4f43_e470]
        var checksum: UInt64 = 1
        for value in values {
            let top = checksum >> 35
            checksum = (checksum & 0x07_ffff_ffff) << 5 ^ UInt64(value)
            for bit in 0..<5 where (top >> UInt64(bit)) & 1 == 1 { checksum ^= generator[bit] }
        }
        return checksum ^ 1
    }

    /// True when `payload`, the part after `bitcoincash:`, is a valid P2PKH or
    /// P2SH address with a 160-bit hash.
    static func isValidPayload(_ payload: [UInt8]) -> Bool {
        guard payload.count == payloadLength else { return false }
        let hasLower = payload.contains { $0.isASCIILower }
        let hasUpper = payload.contains { $0.isASCIIUpper }
        guard !(hasLower && hasUpper) else { return false }
        var values = prefix.map { $0 & 0x1F } + [0]
        let dataStart = values.count
        for byte in payload {
            let lower = byte.asciiLowercased
            guard lower < 128, Bech32.values[Int(lower)] >= 0 else { return false }
            values.append(UInt8(Bech32.values[Int(lower)]))
        }
        guard polymod(values) == 0,
              let raw = Bech32.convertBits(values[dataStart..<(values.count - 8)], from: 5, to: 8, pad: false),
              let version = raw.first
        else { return false }
        // Version byte: reserved bit 0, type (0 P2PKH, 1 P2SH), size code (0 = 160 bits).
        return (version == 0x00 || version == 0x08) && raw.count == 21
    }
}
