/// 64-bit FNV-1a over Unicode scalars, with a namespace seed so word and
/// character features never share a hash by construction.
struct FeatureHasher {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    private(set) var value: UInt64

    init(namespace: UInt8) {
        value = Self.offsetBasis
        mix(UInt32(namespace))
    }

    mutating func mix(_ scalar: Unicode.Scalar) {
        mix(scalar.value)
    }

    mutating func mix(_ word: UInt32) {
        var word = word
        for _ in 0..<4 {
            value ^= UInt64(word & 0xFF)
            value &*= Self.prime
            word >>= 8
        }
    }
}
