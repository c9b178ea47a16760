/// Cardano Shelley mainnet addresses (CIP-19): bech32 with the prefix `addr`,
/// past BIP 173's 90-character limit. The header byte gives the type (0–3
/// base, 4–5 pointer, 6–7 enterprise) and the network (1 = mainnet).
enum CardanoAddress {
    static let prefix = Array("addr".utf8)
    /// Long enough for a pointer address with large slot numbers; base addresses are 103 characters.
    static let maximumLength = 130
    private static let credentialBytes = 28

    static func isValid(_ text: [UInt8]) -> Bool {
        guard let decoded = Bech32.decode(text, maximumLength: maximumLength), decoded.encoding == .bech32,
              decoded.humanReadablePart == prefix,
              let raw = Bech32.convertBits(decoded.data, from: 5, to: 8, pad: false), let header = raw.first,
              header & 0x0F == 1
        else { return false }
        switch header >> 4 {
        case 0...3: return raw.count == 1 + 2 * credentialBytes
        case 6, 7: return raw.count == 1 + credentialBytes
        case 4, 5: return isPointer(raw[(1 + credentialBytes)...])
        default: return false
        }
    }

    /// A chain pointer: exactly three variable-length naturals (slot, transaction, certificate).
    private static func isPointer(_ bytes: ArraySlice<UInt8>) -> Bool {
        var naturals = 0
        var continues = false
        for byte in bytes {
            continues = byte & 0x80 != 0
            if !continues { naturals += 1 }
        }
        return !continues && naturals == 3
    }
}
