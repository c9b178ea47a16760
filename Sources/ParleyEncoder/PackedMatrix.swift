import CParleyKernels

/// A weight matrix packed in 16-output panels for ``pk_linear``, in memory
/// aligned for the widest vectors, as `Float`s, as binary16 or as int8 with a
/// scale per output. Weights from an f16 file are kept in binary16 where the
/// kernel converts them in hardware (F16C); weights from an i8 file stay int8
/// (``pk_linear_i8``: integer multiply-adds, twice the float FMA rate on AVX2,
/// which is what bounds a 16-token sentence here, not memory traffic).
///
/// `@unchecked Sendable`: the memory is written once, in `init`, and only
/// read afterwards; it is freed when the last reference goes.
final class PackedMatrix: @unchecked Sendable {
    enum Storage {
        case float32(UnsafeMutablePointer<Float>)
        case float16(UnsafeMutablePointer<UInt16>)
        /// Packed by `pk_pack_i8`, with one scale per output.
        case int8(UnsafeMutablePointer<Int8>, scales: [Float])
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

    /// From int8 `quantized` weights (outputs × inputs, row-major) with one `scales` entry per output.
    init(quantized: [Int8], scales: [Float], outputs: Int, inputs: Int, bias: [Float]) {
        precondition(quantized.count == outputs * inputs && scales.count == outputs && bias.count == outputs, "packed matrix shape")
        precondition(outputs % (2 * Int(PK_PANEL)) == 0 && inputs % 2 == 0 && inputs <= 65536, "packed matrix shape")
        self.outputs = outputs
        self.inputs = inputs
        self.bias = bias
        let count = pk_packed_i8_count(Int32(outputs), Int32(inputs))
        let packed = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 64).bindMemory(to: Int8.self, capacity: count)
        quantized.withUnsafeBufferPointer { pk_pack_i8($0.baseAddress, Int32(outputs), Int32(inputs), packed) }
        storage = .int8(packed, scales: scales)
    }

    deinit {
        switch storage {
        case let .float32(pointer): UnsafeMutableRawPointer(pointer).deallocate()
        case let .float16(pointer): UnsafeMutableRawPointer(pointer).deallocate()
        case let .int8(pointer, _): UnsafeMutableRawPointer(pointer).deallocate()
        }
    }

    var byteCount: Int {
        switch storage {
        case .float32: outputs * inputs * MemoryLayout<Float>.size
        case .float16: outputs * inputs * MemoryLayout<UInt16>.size
        case .int8: outputs * inputs + outputs * MemoryLayout<Float>.size
        }
    }

    /// `y[rows × outputs] = x[rows × inputs] · Wᵀ + bias`; rows a multiple of `PK_ROWS`. The int8
    /// form quantises `x` into `scratch` (see ``Scratch``). With a held `pool` the product is split
    /// over its workers by output columns, bit for bit the same result.
    func apply(_ kernel: EncoderKernel, _ x: UnsafePointer<Float>, rows: Int, into y: UnsafeMutablePointer<Float>, scratch: inout Scratch, pool: OpaquePointer? = nil) {
        bias.withUnsafeBufferPointer { b in
            switch storage {
            case let .float32(packed):
                pk_linear_pooled(pool, kernel.raw, x, Int32(rows), Int32(inputs), packed, Int32(outputs), b.baseAddress, y)
            case let .float16(packed):
                pk_linear_f16_pooled(pool, kernel.raw, x, Int32(rows), Int32(inputs), packed, Int32(outputs), b.baseAddress, y)
            case let .int8(packed, scales):
                scratch.reserve(rows: rows, inputs: inputs)
                scratch.activations.withUnsafeMutableBufferPointer { q in
                    scratch.rowScales.withUnsafeMutableBufferPointer { r in
                        pk_linear_i8_pooled(pool, kernel.raw, x, Int32(rows), Int32(inputs), packed, scales, Int32(outputs), b.baseAddress, y, q.baseAddress, r.baseAddress)
                    }
                }
            }
        }
    }
}

extension PackedMatrix {
    /// Room for the int16 activations and row scales of an int8 product, grown on demand.
    struct Scratch {
        var activations: [Int16] = []
        var rowScales: [Float] = []

        mutating func reserve(rows: Int, inputs: Int) {
            if activations.count < rows * inputs { activations = [Int16](repeating: 0, count: rows * inputs) }
            if rowScales.count < rows { rowScales = [Float](repeating: 0, count: rows) }
        }
    }
}
