/// Ethereum (and every EVM chain's) addresses: `0x` and 40 hex digits. All
/// lowercase or all uppercase digits carry no checksum; mixed case is the
/// EIP-55 checksum: a letter is uppercase exactly when the matching nibble of
/// Keccak-256(lowercase hex) is 8 or more.
enum EIP55 {
    static let hexLength = 40

    /// True when `hex` (the 40 characters after `0x`) is hexadecimal and, if
    /// written in mixed case, matches its EIP-55 checksum.
    static func isValid(_ hex: [UInt8]) -> Bool {
        guard hex.count == hexLength, hex.allSatisfy(\.isHexDigit) else { return false }
        let hasLower = hex.contains { $0.isASCIILower }
        let hasUpper = hex.contains { $0.isASCIIUpper }
        guard hasLower, hasUpper else { return true }
        let digest = Keccak256.hash(hex.map(\.asciiLowercased))
        for (index, character) in hex.enumerated() where character.isASCIILetter {
            let nibble = index % 2 == 0 ? digest[index / 2] >> 4 : digest[index / 2] & 0x0F
            guard character.isASCIIUpper == (nibble >= 8) else { return false }
        }
        return true
    }
}
