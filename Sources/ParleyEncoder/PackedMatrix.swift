import CParleyKernels

/// A weight matrix packed in 16-output panels for ``pk_linear``, in memory
/// aligned for the widest vectors, as `Float`s or as binary16. The encoder is
/// bound by memory traffic (42 MB of weights a sentence), so weights that came
/// from an f16 or i8 file are kept in binary16 where the kernel converts
/// them in hardware (F16C): half the bytes, the same values as an f16 file.
///
/// `@unchecked Sendable`: the memory is written once, in `init`, and only
/// read afterwards; it is freed when the last reference goes.
final class PackedMatrix: @unchecked Sendable {
    enum Storage {
        case float32(UnsafeMutablePointer<Float>)
        case float16(UnsafeMutablePointer<UInt16>)
    }

    let outputs: Int
    let inputs: Int
    let bias: [Float]
    let storage: Storage

    /// From `weights` (outputs × inputs, row-major, as torch stores a Linear) and the bias.
    init(weights: [Float], outputs: Int, inputs: Int, bias: [Float], halfPrecision: Bool = false) {
        precondition(weights.count == outputs * inputs && bias.count == outputs && outputs % (2 * Int(PK_PANEL)) == 0, "packed matrix shape")
        self.outputs = outputs
        self.inputs = inputs
        self.bias = bias
        let count = pk_packed_count(Int32(outputs), Int32(inputs))
        if halfPrecision {
            let raw = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<UInt16>.size, alignment: 64)
            let packed = raw.bindMemory(to: UInt16.self, capacity: count)
            weights.withUnsafeBufferPointer { pk_pack_f16($0.baseAddress, Int32(outputs), Int32(inputs), packed) }
            storage = .float16(packed)
        } else {
            let raw = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Float>.size, alignment: 64)
            let packed = raw.bindMemory(to: Float.self, capacity: count)
            weights.withUnsafeBufferPointer { pk_pack($0.baseAddress, Int32(outputs), Int32(inputs), packed) }
            storage = .float32(packed)
        }
    }

    deinit {
        switch storage {
        case let .float32(pointer): UnsafeMutableRawPointer(pointer).deallocate()
        case let .float16(pointer): UnsafeMutableRawPointer(pointer).deallocate()
        }
    }

    var byteCount: Int {
        switch storage {
        case .float32: outputs * inputs * MemoryLayout<Float>.size
        case .float16: outputs * inputs * MemoryLayout<UInt16>.size
        }
    }

    /// `y[rows × outputs] = x[rows × inputs] · Wᵀ + bias`; rows a multiple of `PK_ROWS`.
    func apply(_ kernel: EncoderKernel, _ x: UnsafePointer<Float>, rows: Int, into y: UnsafeMutablePointer<Float>) {
        bias.withUnsafeBufferPointer { b in
            switch storage {
            case let .float32(packed):
                pk_linear(kernel.raw, x, Int32(rows), Int32(inputs), packed, Int32(outputs), b.baseAddress, y)
            case let .float16(packed):
                pk_linear_f16(kernel.raw, x, Int32(rows), Int32(inputs), packed, Int32(outputs), b.baseAddress, y)
            }
        }
    }
}
