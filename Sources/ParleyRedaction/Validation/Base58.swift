/// One Base58 alphabet: Bitcoin's (also Litecoin, Dogecoin, TRON, Solana,
/// Substrate and Monero), or Ripple's (XRP), which orders the same 58
/// characters differently.
struct Base58Alphabet: Sendable {
    /// Value of each ASCII byte, or -1 outside the alphabet.
    let values: [Int8]
    /// The character for zero; each leading one stands for a leading zero byte.
    let zero: UInt8

    init(_ characters: String) {
        var table = [Int8](repeating: -1, count: 128)
        for (index, byte) in characters.utf8.enumerated() { table[Int(byte)] = Int8(index) }
        self.values = table
        self.zero = characters.utf8.first ?? 0
    }

    static let bitcoin = Base58Alphabet("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
    static let ripple = Base58Alphabet("rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz")

    /// The value of `byte`, or nil when it is outside the alphabet.
    @inline(__always) func value(of byte: UInt8) -> Int? {
        guard byte < 128 else { return nil }
        let value = values[Int(byte)]
        return value < 0 ? nil : Int(value)
    }

    /// True when every byte of `text` is in the alphabet: a cheap check before decoding.
    func contains(all text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        for index in start..<end where text[index] >= 128 || values[Int(text[index])] < 0 { return false }
        return true
    }
}

/// Base58 as a big number (Bitcoin's encoding, not Monero's block form):
/// each leading zero character is a zero byte, the rest is the number in base 58.
enum Base58 {
    /// The bytes `text` encodes; nil when a character is outside the alphabet.
    /// Quadratic in the length, so callers bound the length first (addresses
    /// are at most ~110 characters).
    static func decode(_ text: [UInt8], alphabet: Base58Alphabet = .bitcoin) -> [UInt8]? {
        var zeros = 0
        while zeros < text.count, text[zeros] == alphabet.zero { zeros += 1 }
        // log(58) / log(256) < 0.733 bytes a character, in 32-bit limbs, most significant first.
        let limbCount = (text.count * 733 / 1000 + 1) / 4 + 1
        var limbs = [UInt32](repeating: 0, count: limbCount)
        var used = limbCount  // limbs before this one are zero
        for character in text[zeros...] {
            guard let value = alphabet.value(of: character) else { return nil }
            var carry = UInt64(value)
            var index = limbCount - 1
            while index >= used || carry != 0 {
                let product = UInt64(limbs[index]) * 58 + carry
                limbs[index] = UInt32(truncatingIfNeeded: product)
                carry = product >> 32
                if index < used { used = index }
                if index == 0 { break }
                index -= 1
            }
        }
        var bytes = [UInt8](repeating: 0, count: zeros)
        bytes.reserveCapacity(zeros + limbCount * 4)
        var leading = true
        for limb in limbs {
            for shift in stride(from: 24, through: 0, by: -8) {
                let byte = UInt8(truncatingIfNeeded: limb >> UInt32(shift))
                if leading, byte == 0 { continue }
                leading = false
                bytes.append(byte)
            }
        }
        return bytes
    }
}
