/// How the weight matrix is stored in a model file. Training rounds the
/// weights to this precision before the model is scored or saved, so a loaded
/// model predicts exactly what the trained one did.
public enum WeightPrecision: String, Sendable, Hashable, Codable, CaseIterable {
    /// 4 bytes a weight.
    case float32
    /// IEEE 754 half precision: 2 bytes a weight.
    case float16
    /// One signed byte a weight with a power-of-two scale per feature: about
    /// a quarter of `float32`.
    case int8

    var code: UInt8 {
        switch self {
        case .float32: 0
        case .float16: 1
        case .int8: 2
        }
    }

    init?(code: UInt8) {
        guard let precision = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = precision
    }

    /// The weights as they will be after a save and load: idempotent.
    func rounded(_ weights: [Float], classCount: Int) -> [Float] {
        switch self {
        case .float32:
            return weights
        case .float16:
            return weights.map { HalfFloat.decode(HalfFloat.encode($0)) }
        case .int8:
            var result = weights
            for start in stride(from: 0, to: weights.count, by: classCount) {
                let row = start..<(start + classCount)
                let scale = Self.scale(of: weights[row])
                for index in row { result[index] = Float(Self.quantize(weights[index], scale: scale)) * scale }
            }
            return result
        }
    }

    /// Smallest power of two `s` with `max |w| / s ≤ 127`, so that re-quantising
    /// quantised weights gives the same bytes.
    static func scale(of row: ArraySlice<Float>) -> Float {
        let largest = row.reduce(Float(0)) { max($0, abs($1)) }
        guard largest > 0, largest.isFinite else { return 1 }
        var scale = Float(sign: .plus, exponent: (largest / 127).exponent, significand: 1)
        if largest / scale > 127 { scale *= 2 }
        return scale
    }

    static func quantize(_ weight: Float, scale: Float) -> Int8 {
        Int8(max(-127, min(127, (weight / scale).rounded())))
    }
}

/// IEEE 754 binary16 conversion written out (round to nearest, ties to even),
/// because `Float16` is not available on every platform Parley builds for.
enum HalfFloat {
    static func encode(_ value: Float) -> UInt16 {
        let bits = value.bitPattern
        let sign = UInt16((bits >> 16) & 0x8000)
        let exponent = Int((bits >> 23) & 0xFF)
        var mantissa = bits & 0x7F_FFFF
        if exponent == 0xFF {  // infinity or NaN
            return sign | 0x7C00 | (mantissa == 0 ? 0 : 0x200)
        }
        let halfExponent = exponent - 127 + 15
        if halfExponent >= 0x1F { return sign | 0x7C00 }  // overflow to infinity
        if halfExponent <= 0 {  // subnormal half or zero
            guard halfExponent >= -10 else { return sign }
            mantissa |= 0x80_0000
            let shift = UInt32(14 - halfExponent)
            let halfway = UInt32(1) << (shift - 1)
            let remainder = mantissa & ((UInt32(1) << shift) - 1)
            var half = mantissa >> shift
            if remainder > halfway || (remainder == halfway && half & 1 == 1) { half += 1 }
            return sign | UInt16(half)
        }
        let remainder = mantissa & 0x1FFF
        var half = UInt32(halfExponent << 10) | (mantissa >> 13)
        if remainder > 0x1000 || (remainder == 0x1000 && half & 1 == 1) { half += 1 }  // may carry into the exponent: still right
        return sign | UInt16(truncatingIfNeeded: half)
    }

    static func decode(_ half: UInt16) -> Float {
        let sign = UInt32(half & 0x8000) << 16
        let exponent = Int((half >> 10) & 0x1F)
        let mantissa = UInt32(half & 0x3FF)
        switch exponent {
        case 0:
            let magnitude = Float(mantissa) * Float(sign: .plus, exponent: -24, significand: 1)
            return sign == 0 ? magnitude : -magnitude
        case 0x1F:
            return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
        default:
            return Float(bitPattern: sign | UInt32(exponent - 15 + 127) << 23 | (mantissa << 13))
        }
    }
}
