/// Monero addresses: 95 characters (standard `4…`, subaddress `8…`) or 106
/// (integrated, `4…`) in Monero's block Base58 (each 8-byte block is 11
/// characters), a network byte, two 32-byte keys (and an 8-byte payment id),
/// and the first four bytes of their Keccak-256 as the checksum.
enum MoneroAddress {
    static let standardLength = 95
    static let integratedLength = 106
    /// Characters a block of 0…8 bytes takes.
    private static let encodedSizes = [0, 2, 3, 5, 6, 7, 9, 10, 11]
    private static let fullBlockSize = 11
    /// Mainnet network bytes and the decoded length each implies.
    private static let networks: [(byte: UInt8, length: Int)] = [(18, 69), (42, 69), (19, 77)]

    /// The bytes of Monero's block Base58; nil on a character outside the
    /// alphabet, a block that overflows its byte count, or an impossible length.
    static func decode(_ text: [UInt8]) -> [UInt8]? {
        let remainder = text.count % fullBlockSize
        guard let lastBlockBytes = encodedSizes.firstIndex(of: remainder) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count / fullBlockSize * 8 + lastBlockBytes)
        var blockStart = 0
        while blockStart < text.count {
            let blockEnd = min(blockStart + fullBlockSize, text.count)
            let byteCount = blockEnd - blockStart == fullBlockSize ? 8 : lastBlockBytes
            var value: UInt64 = 0
            for character in text[blockStart..<blockEnd] {
                guard let digit = Base58Alphabet.bitcoin.value(of: character) else { return nil }
                let (product, overflowMultiply) = value.multipliedReportingOverflow(by: 58)
                let (sum, overflowAdd) = product.addingReportingOverflow(UInt64(digit))
                guard !overflowMultiply, !overflowAdd else { return nil }
                value = sum
            }
            guard byteCount == 8 || value >> UInt64(8 * byteCount) == 0 else { return nil }
            for shift in stride(from: 8 * (byteCount - 1), through: 0, by: -8) {
                bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
            }
            blockStart = blockEnd
        }
        return bytes
    }

    /// True for a mainnet standard, subaddress or integrated address with a valid checksum.
    static func isValid(_ text: [UInt8]) -> Bool {
        guard text.count == standardLength || text.count == integratedLength,
              text.first == 0x34 || text.first == 0x38,  // 4, 8
              let decoded = decode(text), decoded.count > 4
        else { return false }
        guard networks.contains(where: { $0.byte == decoded[0] && $0.length == decoded.count }) else { return false }
        let checksum = Keccak256.hash(decoded[0..<(decoded.count - 4)])
        return checksum[0..<4].elementsEqual(decoded[(decoded.count - 4)...])
    }
}
