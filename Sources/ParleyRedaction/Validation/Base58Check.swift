import ParleyCrypto

/// Verification of Bitcoin legacy addresses (Base58Check, P2PKH and P2SH).
enum Base58Check {
    private static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)

    static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = Int8(index) }
        return table
    }()

    /// Decodes Base58 into bytes; nil when a character is outside the alphabet.
    static func decode(_ text: [UInt8]) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        for character in text {
            guard character < 128, values[Int(character)] >= 0 else { return nil }
            var carry = Int(values[Int(character)])
            for index in bytes.indices.reversed() {
                carry += Int(bytes[index]) * 58
                bytes[index] = UInt8(carry & 0xFF)
                carry >>= 8
            }
            while carry > 0 {
                bytes.insert(UInt8(carry & 0xFF), at: 0)
                carry >>= 8
            }
        }
        let leadingZeros = text.prefix { $0 == 0x31 }.count
        return [UInt8](repeating: 0, count: leadingZeros) + bytes
    }

    /// True for a 25-byte payload with version 0x00 (P2PKH) or 0x05 (P2SH) whose
    /// last four bytes are the first four of SHA-256(SHA-256(first 21 bytes)).
    static func isValidAddress(_ text: [UInt8]) -> Bool {
        guard text.count >= 25, text.count <= 35, let decoded = decode(text), decoded.count == 25 else {
            return false
        }
        guard decoded[0] == 0x00 || decoded[0] == 0x05 else { return false }
        let payload = Array(decoded[0..<21])
        let checksum = SHA256.hash(SHA256.hash(payload))
        return checksum[0..<4].elementsEqual(decoded[21..<25])
    }
}
