/// Bech32 (BIP 173) and bech32m (BIP 350) strings: a human-readable part, the
/// separator `1`, 5-bit data and a six-character BCH checksum. Segwit addresses
/// (Bitcoin, its testnet, Litecoin) and Cardano's Shelley addresses use them.
enum Bech32 {
    enum Encoding: Sendable {
        case bech32, bech32m
    }

    /// A decoded string: lowercase human-readable part, data without the checksum.
    struct Decoded {
        let humanReadablePart: [UInt8]
        let data: [UInt8]
        let encoding: Encoding
    }

    private static let charset = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)
    private static let bech32Constant: UInt32 = 1
    private static let bech32mConstant: UInt32 = 0x2bc8_30a3
    /// BIP 173's limit; Cardano's addresses are longer and lift it.
    static let standardMaximumLength = 90

    /// Value of each lowercase charset byte, or -1.
    static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (index, byte) in charset.enumerated() { table[Int(byte)] = Int8(index) }
        return table
    }()

    static func polymod(_ values: [UInt8]) -> UInt32 {
        let generator: [UInt32] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3]
        var checksum: UInt32 = 1
        for value in values {
            let top = checksum >> 25
            checksum = (checksum & 0x1ff_ffff) << 5 ^ UInt32(value)
            for bit in 0..<5 where (top >> UInt32(bit)) & 1 == 1 { checksum ^= generator[bit] }
        }
        return checksum
    }

    /// Decodes a string in one case whose checksum is bech32 or bech32m; nil
    /// otherwise. The human-readable part ends at the last `1`.
    static func decode(_ text: [UInt8], maximumLength: Int = standardMaximumLength) -> Decoded? {
        guard text.count >= 8, text.count <= maximumLength else { return nil }
        let hasLower = text.contains { $0.isASCIILower }
        let hasUpper = text.contains { $0.isASCIIUpper }
        guard !(hasLower && hasUpper) else { return nil }
        let lower = text.map(\.asciiLowercased)
        guard let separator = lower.lastIndex(of: 0x31), separator >= 1, separator + 7 <= lower.count else {
            return nil
        }
        let hrp = Array(lower[..<separator])
        guard hrp.allSatisfy({ $0 >= 33 && $0 <= 126 }) else { return nil }
        var expanded = hrp.map { $0 >> 5 } + [0] + hrp.map { $0 & 31 }
        let dataStart = expanded.count
        for byte in lower[(separator + 1)...] {
            guard byte < 128, values[Int(byte)] >= 0 else { return nil }
            expanded.append(UInt8(values[Int(byte)]))
        }
        let encoding: Encoding
        switch polymod(expanded) {
        case bech32Constant: encoding = .bech32
        case bech32mConstant: encoding = .bech32m
        default: return nil
        }
        let data = Array(expanded[dataStart..<(expanded.count - 6)])
        return Decoded(humanReadablePart: hrp, data: data, encoding: encoding)
    }

    /// Regroups `data` from `from`-bit to `to`-bit values. Without `pad`, the
    /// leftover bits must be fewer than `from` and all zero (nil otherwise).
    static func convertBits(_ data: some Collection<UInt8>, from: Int, to: Int, pad: Bool) -> [UInt8]? {
        var accumulator: UInt32 = 0
        var bits = 0
        let mask: UInt32 = (1 << UInt32(to)) - 1
        var result: [UInt8] = []
        result.reserveCapacity(data.count * from / to + 1)
        for value in data {
            guard value >> UInt8(from) == 0 else { return nil }
            accumulator = (accumulator << UInt32(from) | UInt32(value)) & 0xFFFF
            bits += from
            while bits >= to {
                bits -= to
                result.append(UInt8((accumulator >> UInt32(bits)) & mask))
            }
        }
        if pad {
            if bits > 0 { result.append(UInt8((accumulator << UInt32(to - bits)) & mask)) }
        } else if bits >= from || (accumulator << UInt32(to - bits)) & mask != 0 {
            return nil
        }
        return result
    }

    /// True for a valid segwit address whose human-readable part is one of
    /// `prefixes` (`bc`, `tb`, `ltc`): the right checksum for its witness
    /// version (bech32 for v0, bech32m for v1–16) and a program of 2–40 bytes
    /// (20 or 32 for v0).
    static func isValidSegwitAddress(_ address: [UInt8], prefixes: [[UInt8]]) -> Bool {
        guard let decoded = decode(address), prefixes.contains(decoded.humanReadablePart),
              let version = decoded.data.first, version <= 16
        else { return false }
        guard decoded.encoding == (version == 0 ? .bech32 : .bech32m),
              let program = convertBits(decoded.data.dropFirst(), from: 5, to: 8, pad: false),
              program.count >= 2, program.count <= 40
        else { return false }
        return version != 0 || program.count == 20 || program.count == 32
    }
}
