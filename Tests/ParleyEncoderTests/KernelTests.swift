import CParleyKernels
import Foundation
import Testing
@testable import ParleyEncoder

@Suite("Encoder kernels")
struct KernelTests {
    /// A naive double-precision reference for `pk_linear`.
    static func reference(_ x: [Float], _ w: [Float], _ bias: [Float], m: Int, k: Int, n: Int) -> [Float] {
        var y = [Float](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var sum = Double(bias[j])
                for p in 0..<k { sum += Double(x[i * k + p]) * Double(w[j * k + p]) }
                y[i * n + j] = Float(sum)
            }
        }
        return y
    }

    @Test("every kernel this CPU supports computes the same matrix product, with float and binary16 weights, at the encoder's real sizes")
    func kernelsAgreeWithReference() {
        var random = XorShift(state: 0x9E37_79B9_7F4A_7C15)
        func uniform() -> Float { random.uniform() }
        for (m, k, n) in [(8, 384, 1152), (24, 1536, 384), (16, 384, 1536)] {
            let x = (0..<(m * k)).map { _ in uniform() }
            let w = (0..<(n * k)).map { _ in uniform() / 10 }
            let bias = (0..<n).map { _ in uniform() }
            let expected = Self.reference(x, w, bias, m: m, k: k, n: n)
            for (half, packed) in [false, true].map({ ($0, PackedMatrix(weights: w, outputs: n, inputs: k, bias: bias, halfPrecision: $0)) }) {
            for kernel in EncoderKernel.allCases where kernel.isSupported {
                var y = [Float](repeating: .nan, count: m * n)
                x.withUnsafeBufferPointer { xs in
                    var scratch = PackedMatrix.Scratch()
                    y.withUnsafeMutableBufferPointer { packed.apply(kernel, xs.baseAddress!, rows: m, into: $0.baseAddress!, scratch: &scratch) }
                }
                let worst = zip(y, expected).map { abs($0 - $1) }.max() ?? .infinity
                // Binary16 weights round each weight by up to 2^-11 of its size.
                #expect(worst < (half ? 2e-2 : 1e-3), "\(kernel.rawValue)\(half ? " f16" : "") \(m)×\(k)×\(n): max error \(worst)")
            }
            }
        }
    }

    @Test("the int8 product matches the float product of the dequantised weights, and every kernel gets the same sums")
    func int8KernelsAgree() {
        var random = XorShift(state: 0x2545_F491_4F6C_DD1D)
        func uniform() -> Float { random.uniform() }
        for (m, k, n) in [(8, 384, 1152), (24, 1536, 384), (16, 384, 1536)] {
            // Activations with a few large outliers, as a transformer's hidden states have.
            let x = (0..<(m * k)).map { i in uniform() * (i % 97 == 0 ? 20 : 1) }
            let quantized = (0..<(n * k)).map { i in Int8(clamping: i % 1013 == 0 ? -128 : Int((uniform() * 127).rounded())) }
            let scales = (0..<n).map { _ in (uniform() + 1.5) / 1000 }
            let dequantized = quantized.enumerated().map { Float($1) * scales[$0 / k] }
            let bias = (0..<n).map { _ in uniform() }
            let expected = Self.reference(x, dequantized, bias, m: m, k: k, n: n)
            let packed = PackedMatrix(quantized: quantized, scales: scales, outputs: n, inputs: k, bias: bias)
            var outputs: [[Float]] = []
            for kernel in EncoderKernel.allCases where kernel.isSupported {
                var y = [Float](repeating: .nan, count: m * n)
                var scratch = PackedMatrix.Scratch()
                x.withUnsafeBufferPointer { xs in
                    y.withUnsafeMutableBufferPointer { packed.apply(kernel, xs.baseAddress!, rows: m, into: $0.baseAddress!, scratch: &scratch) }
                }
                // Each int16 activation is off by at most half a step (its row's peak over the limit), so
                // an output is off by at most half a step times the sum of its weights' magnitudes.
                let limit = Float(pk_i8_activation_limit(Int32(k)))
                var excess: Float = 0
                for r in 0..<m {
                    let step = x[(r * k)..<((r + 1) * k)].map(abs).max()! / limit
                    for o in 0..<n {
                        let bound = step / 2 * dequantized[(o * k)..<((o + 1) * k)].reduce(0) { $0 + abs($1) } + 1e-4
                        excess = max(excess, abs(y[r * n + o] - expected[r * n + o]) - bound)
                    }
                }
                #expect(excess <= 0, "\(kernel.rawValue) int8 \(m)×\(k)×\(n): beyond the rounding bound by \(excess)")
                outputs.append(y)
            }
            for y in outputs.dropFirst() {
                let apart = zip(y, outputs[0]).map { abs($0 - $1) }.max() ?? .infinity
                #expect(apart < 1e-5, "int8 kernels differ by \(apart) at \(m)×\(k)×\(n)")
            }
        }
    }

    @Test("int8 activations stay small enough that no int32 sum overflows")
    func int8ActivationLimitPreventsOverflow() {
        for k in [2, 384, 1536, 16384, 65536] {
            let limit = Int(pk_i8_activation_limit(Int32(k)))
            #expect(limit > 0 && limit <= 32767)
            #expect(k * 128 * limit <= Int(Int32.max), "k \(k)")
        }
    }

    @Test("the best kernel is supported, and the generic one always is")
    func bestKernelIsSupported() {
        #expect(EncoderKernel.best.isSupported)
        #expect(EncoderKernel.generic.isSupported)
    }

    @Test("GELU follows 0.5·x·(1 + erf(x/√2)) to 1e-6 over the range that matters")
    func geluIsExact() {
        let xs = stride(from: Float(-8), through: 8, by: 0.01).map { $0 }
        for kernel in EncoderKernel.allCases where kernel.isSupported {
            var ys = xs
            ys.withUnsafeMutableBufferPointer { pk_gelu(kernel.raw, $0.baseAddress, $0.count) }
            for (x, y) in zip(xs, ys) {
                let exact = 0.5 * Double(x) * (1 + erf(Double(x) / 2.0.squareRoot()))
                #expect(abs(Double(y) - exact) < 1e-6, "\(kernel.rawValue) gelu(\(x))")
            }
        }
    }
}

/// Uniform values in -1...1 from a fixed-seed xorshift: the same matrices every run.
private struct XorShift {
    var state: UInt64

    mutating func uniform() -> Float {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Float(state >> 40) / Float(1 << 23) - 1
    }
}
