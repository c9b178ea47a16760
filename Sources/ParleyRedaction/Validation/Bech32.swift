/// Verification of Bitcoin segwit addresses (BIP 173 bech32 and BIP 350 bech32m).
enum Bech32 {
    private static let charset = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)
    private static let bech32Constant: UInt32 = 1
    private static let bech32mConstant: UInt32 = 0x2bc8_30a3

    /// Value of each lowercase charset byte, or -1.
    static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (index, byte) in charset.enumerated() { table[Int(byte)] = Int8(index) }
        return table
    }()

    private static func polymod(_ values: [UInt8]) -> UInt32 {
        let generator: [UInt32] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3]
        var checksum: UInt32 = 1
        for value in values {
            let top = checksum >> 25
            checksum = (checksum & 0x1ff_ffff) << 5 ^ UInt32(value)
            for bit in 0..<5 where (top >> UInt32(bit)) & 1 == 1 { checksum ^= generator[bit] }
        }
        return checksum
    }

    /// True for a valid mainnet (`bc1…`) segwit address: one case, the right
    /// checksum constant for its witness version, and a plausible program length.
    static func isValidSegwitAddress(_ address: [UInt8]) -> Bool {
        guard address.count >= 14, address.count <= 90 else { return false }
        let hasLower = address.contains { $0.isASCIILower }
        let hasUpper = address.contains { $0.isASCIIUpper }
        guard !(hasLower && hasUpper) else { return false }
        let lower = address.map(\.asciiLowercased)
        guard lower[0] == 0x62, lower[1] == 0x63, lower[2] == 0x31 else { return false }  // "bc1"
        var data: [UInt8] = []
        data.reserveCapacity(lower.count - 3)
        for byte in lower[3...] {
            guard byte < 128, values[Int(byte)] >= 0 else { return false }
            data.append(UInt8(values[Int(byte)]))
        }
        guard data.count >= 7 else { return false }
        let expanded: [UInt8] = [3, 3, 0, 2, 3] + data  // hrp "bc" expanded
        let constant = polymod(expanded)
        let version = data[0]
        guard version <= 16 else { return false }
        guard constant == (version == 0 ? bech32Constant : bech32mConstant) else { return false }
        let programBits = (data.count - 1 - 6) * 5
        let programBytes = programBits / 8
        guard programBytes >= 2, programBytes <= 40 else { return false }
        return version != 0 || programBytes == 20 || programBytes == 32
    }
}
