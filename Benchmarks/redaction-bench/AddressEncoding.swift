import ParleyCrypto
import ParleyRedaction

/// Encoders for generating valid Bitcoin addresses. Written apart from the
/// detector's decoders so the corpus cross-checks them.
enum AddressEncoding {
    private static let base58Alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
    private static let bech32Alphabet = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l")

    static func base58Check(version: UInt8, payload: [UInt8]) -> String {
        let body = [version] + payload
        let checksum = SHA256.hash(SHA256.hash(body)).prefix(4)
        let bytes = body + checksum
        var digits: [Int] = [0]
        for byte in bytes {
            var carry = Int(byte)
            for index in digits.indices {
                carry += digits[index] << 8
                digits[index] = carry % 58
                carry /= 58
            }
            while carry > 0 {
                digits.append(carry % 58)
                carry /= 58
            }
        }
        let zeros = bytes.prefix { $0 == 0 }.count
        var text = String(repeating: "1", count: zeros)
        for digit in digits.reversed().drop(while: { $0 == 0 }) { text.append(base58Alphabet[digit]) }
        return text
    }

    static func segwit(version: Int, program: [UInt8]) -> String {
        var data = [version]
        var accumulator = 0
        var bits = 0
        for byte in program {
            accumulator = accumulator << 8 | Int(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                data.append((accumulator >> bits) & 31)
            }
        }
        if bits > 0 { data.append((accumulator << (5 - bits)) & 31) }
        let constant = version == 0 ? 1 : 0x2bc8_30a3
        let values = [3, 3, 0, 2, 3] + data + [0, 0, 0, 0, 0, 0]
        let polymod = bech32Polymod(values) ^ constant
        let checksum = (0..<6).map { (polymod >> (5 * (5 - $0))) & 31 }
        return "bc1" + String((data + checksum).map { bech32Alphabet[$0] })
    }

    private static func bech32Polymod(_ values: [Int]) -> Int {
        let generator = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3]
        var checksum = 1
        for value in values {
            let top = checksum >> 25
            checksum = (checksum & 0x1ff_ffff) << 5 ^ value
            for bit in 0..<5 where (top >> bit) & 1 == 1 { checksum ^= generator[bit] }
        }
        return checksum
    }
}
