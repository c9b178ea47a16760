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
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        /// A uniform value in -1...1 from a fixed-seed xorshift (the same matrices every run).
        func uniform() -> Float {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Float(state >> 40) / Float(1 << 23) - 1
        }
        for (m, k, n) in [(8, 384, 1152), (24, 1536, 384), (16, 384, 1536)] {
            let x = (0..<(m * k)).map { _ in uniform() }
            let w = (0..<(n * k)).map { _ in uniform() / 10 }
            let bias = (0..<n).map { _ in uniform() }
            let expected = Self.reference(x, w, bias, m: m, k: k, n: n)
            for (half, packed) in [false, true].map({ ($0, PackedMatrix(weights: w, outputs: n, inputs: k, bias: bias, halfPrecision: $0)) }) {
            for kernel in EncoderKernel.allCases where kernel.isSupported {
                var y = [Float](repeating: .nan, count: m * n)
                x.withUnsafeBufferPointer { xs in
                    y.withUnsafeMutableBufferPointer { packed.apply(kernel, xs.baseAddress!, rows: m, into: $0.baseAddress!) }
                }
                let worst = zip(y, expected).map { abs($0 - $1) }.max() ?? .infinity
                // Binary16 weights round each weight by up to 2^-11 of its size.
                #expect(worst < (half ? 2e-2 : 1e-3), "\(kernel.rawValue)\(half ? " f16" : "") \(m)×\(k)×\(n): max error \(worst)")
            }
            }
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
