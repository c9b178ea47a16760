/// Keccak-256 as Ethereum and Monero use it: the Keccak submission's padding
/// (0x01 … 0x80), not FIPS 202 SHA3-256's (0x06 … 0x80), so the digests differ
/// from SHA3-256's. Used for checksums only (EIP-55, Monero addresses), never
/// for secrets, so it needs no constant-time care.
enum Keccak256 {
    static let byteCount = 32
    /// Bytes absorbed per permutation: 1600 bits minus twice the 256-bit capacity.
    private static let rate = 136

    static func hash(_ message: some Collection<UInt8>) -> [UInt8] {
        var state = [UInt64](repeating: 0, count: 25)
        var block = [UInt8](repeating: 0, count: rate)
        var filled = 0
        for byte in message {
            block[filled] = byte
            filled += 1
            if filled == rate {
                absorb(block, into: &state)
                filled = 0
            }
        }
        for index in filled..<rate { block[index] = 0 }
        block[filled] ^= 0x01
        block[rate - 1] ^= 0x80
        absorb(block, into: &state)
        var digest = [UInt8](repeating: 0, count: byteCount)
        for index in 0..<byteCount {
            digest[index] = UInt8(truncatingIfNeeded: state[index / 8] >> UInt64(8 * (index % 8)))
        }
        return digest
    }

    private static func absorb(_ block: [UInt8], into state: inout [UInt64]) {
        for lane in 0..<rate / 8 {
            var value: UInt64 = 0
            for offset in 0..<8 { value |= UInt64(block[lane * 8 + offset]) << UInt64(8 * offset) }
            state[lane] ^= value
        }
        permute(&state)
    }

    /// Keccak-f[1600]: 24 rounds of θ, ρ, π, χ, ι over 5×5 lanes (lane x + 5y),
    /// the lanes held in locals and every round written out (generated: θ's
    /// column mix folded into ρ and π, which move lane (x, y) to (y, 2x + 3y)
    /// after its rotation).
    private static func permute(_ state: inout [UInt64]) {
        state.withUnsafeMutableBufferPointer { lanes in
            permute(lanes)
        }
    }

    private static func permute(_ lanes: UnsafeMutableBufferPointer<UInt64>) {
        precondition(lanes.count == 25, "Keccak-f[1600] has 25 lanes")
        var a0 = lanes[0]
        var a1 = lanes[1]
        var a2 = lanes[2]
        var a3 = lanes[3]
        var a4 = lanes[4]
        var a5 = lanes[5]
        var a6 = lanes[6]
        var a7 = lanes[7]
        var a8 = lanes[8]
        var a9 = lanes[9]
        var a10 = lanes[10]
        var a11 = lanes[11]
        var a12 = lanes[12]
        var a13 = lanes[13]
        var a14 = lanes[14]
        var a15 = lanes[15]
        var a16 = lanes[16]
        var a17 = lanes[17]
        var a18 = lanes[18]
        var a19 = lanes[19]
        var a20 = lanes[20]
        var a21 = lanes[21]
        var a22 = lanes[22]
        var a23 = lanes[23]
        var a24 = lanes[24]
        for round in 0..<24 {
            let roundConstant = roundConstant(round)
            let c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20
            let c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21
            let c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22
            let c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23
            let c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24
            let d0 = c4 ^ rotate(c1, 1)
            let d1 = c0 ^ rotate(c2, 1)
            let d2 = c1 ^ rotate(c3, 1)
            let d3 = c2 ^ rotate(c4, 1)
            let d4 = c3 ^ rotate(c0, 1)
            let b0 = a0 ^ d0
            let b10 = rotate(a1 ^ d1, 1)
            let b20 = rotate(a2 ^ d2, 62)
            let b5 = rotate(a3 ^ d3, 28)
            let b15 = rotate(a4 ^ d4, 27)
            let b16 = rotate(a5 ^ d0, 36)
            let b1 = rotate(a6 ^ d1, 44)
            let b11 = rotate(a7 ^ d2, 6)
            let b21 = rotate(a8 ^ d3, 55)
            let b6 = rotate(a9 ^ d4, 20)
            let b7 = rotate(a10 ^ d0, 3)
            let b17 = rotate(a11 ^ d1, 10)
            let b2 = rotate(a12 ^ d2, 43)
            let b12 = rotate(a13 ^ d3, 25)
            let b22 = rotate(a14 ^ d4, 39)
            let b23 = rotate(a15 ^ d0, 41)
            let b8 = rotate(a16 ^ d1, 45)
            let b18 = rotate(a17 ^ d2, 15)
            let b3 = rotate(a18 ^ d3, 21)
            let b13 = rotate(a19 ^ d4, 8)
            let b14 = rotate(a20 ^ d0, 18)
            let b24 = rotate(a21 ^ d1, 2)
            let b9 = rotate(a22 ^ d2, 61)
            let b19 = rotate(a23 ^ d3, 56)
            let b4 = rotate(a24 ^ d4, 14)
            a0 = b0 ^ (~b1 & b2)
            a1 = b1 ^ (~b2 & b3)
            a2 = b2 ^ (~b3 & b4)
            a3 = b3 ^ (~b4 & b0)
            a4 = b4 ^ (~b0 & b1)
            a5 = b5 ^ (~b6 & b7)
            a6 = b6 ^ (~b7 & b8)
            a7 = b7 ^ (~b8 & b9)
            a8 = b8 ^ (~b9 & b5)
            a9 = b9 ^ (~b5 & b6)
            a10 = b10 ^ (~b11 & b12)
            a11 = b11 ^ (~b12 & b13)
            a12 = b12 ^ (~b13 & b14)
            a13 = b13 ^ (~b14 & b10)
            a14 = b14 ^ (~b10 & b11)
            a15 = b15 ^ (~b16 & b17)
            a16 = b16 ^ (~b17 & b18)
            a17 = b17 ^ (~b18 & b19)
            a18 = b18 ^ (~b19 & b15)
            a19 = b19 ^ (~b15 & b16)
            a20 = b20 ^ (~b21 & b22)
            a21 = b21 ^ (~b22 & b23)
            a22 = b22 ^ (~b23 & b24)
            a23 = b23 ^ (~b24 & b20)
            a24 = b24 ^ (~b20 & b21)
            a0 ^= roundConstant
        }
        lanes[0] = a0
        lanes[1] = a1
        lanes[2] = a2
        lanes[3] = a3
        lanes[4] = a4
        lanes[5] = a5
        lanes[6] = a6
        lanes[7] = a7
        lanes[8] = a8
        lanes[9] = a9
        lanes[10] = a10
        lanes[11] = a11
        lanes[12] = a12
        lanes[13] = a13
        lanes[14] = a14
        lanes[15] = a15
        lanes[16] = a16
        lanes[17] = a17
        lanes[18] = a18
        lanes[19] = a19
        lanes[20] = a20
        lanes[21] = a21
        lanes[22] = a22
        lanes[23] = a23
        lanes[24] = a24
    }

    @inline(__always) private static func roundConstant(_ round: Int) -> UInt64 {
        switch round {
        case 0: return 0x0000_0000_0000_0001
        case 1: return 0x0000_0000_0000_8082
        case 2: return 0x8000_0000_0000_808A
        case 3: return 0x8000_0000_8000_8000
        case 4: return 0x0000_0000_0000_808B
        case 5: return 0x0000_0000_8000_0001
        case 6: return 0x8000_0000_8000_8081
        case 7: return 0x8000_0000_0000_8009
        case 8: return 0x0000_0000_0000_008A
        case 9: return 0x0000_0000_0000_0088
        case 10: return 0x0000_0000_8000_8009
        case 11: return 0x0000_0000_8000_000A
        case 12: return 0x0000_0000_8000_808B
        case 13: return 0x8000_0000_0000_008B
        case 14: return 0x8000_0000_0000_8089
        case 15: return 0x8000_0000_0000_8003
        case 16: return 0x8000_0000_0000_8002
        case 17: return 0x8000_0000_0000_0080
        case 18: return 0x0000_0000_0000_800A
        case 19: return 0x8000_0000_8000_000A
        case 20: return 0x8000_0000_8000_8081
        case 21: return 0x8000_0000_0000_8080
        case 22: return 0x0000_0000_8000_0001
        case 23: return 0x8000_0000_8000_8008
        default: preconditionFailure("Keccak-f[1600] has 24 rounds")
        }
    }

    @inline(__always) private static func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
        value << count | value >> (64 - count)
    }
}
