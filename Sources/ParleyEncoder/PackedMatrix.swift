import CParleyKernels

/// A weight matrix packed in 16-output panels for ``pk_linear``, in memory
/// aligned for the widest vectors.
///
/// `@unchecked Sendable`: the memory is written once, in `init`, and only
/// read afterwards; it is freed when the last reference goes.
final class PackedMatrix: @unchecked Sendable {
    let outputs: Int
    let inputs: Int
    let bias: [Float]
    let storage: UnsafeMutablePointer<Float>

    /// From `weights` (outputs × inputs, row-major, as torch stores a Linear) and the bias.
    init(weights: [Float], outputs: Int, inputs: Int, bias: [Float]) {
        precondition(weights.count == outputs * inputs && bias.count == outputs && outputs % (2 * Int(PK_PANEL)) == 0, "packed matrix shape")
        self.outputs = outputs
        self.inputs = inputs
        self.bias = bias
        let count = pk_packed_count(Int32(outputs), Int32(inputs))
        let raw = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Float>.size, alignment: 64)
        storage = raw.bindMemory(to: Float.self, capacity: count)
        weights.withUnsafeBufferPointer { pk_pack($0.baseAddress, Int32(outputs), Int32(inputs), storage) }
    }

    deinit { UnsafeMutableRawPointer(storage).deallocate() }

    var byteCount: Int { outputs * inputs * MemoryLayout<Float>.size }

    /// `y[rows × outputs] = x[rows × inputs] · Wᵀ + bias`; rows a multiple of `PK_ROWS`.
    func apply(_ kernel: EncoderKernel, _ x: UnsafePointer<Float>, rows: Int, into y: UnsafeMutablePointer<Float>) {
        bias.withUnsafeBufferPointer { b in
            pk_linear(kernel.raw, x, Int32(rows), Int32(inputs), storage, Int32(outputs), b.baseAddress, y)
        }
    }
}
