/// The classifier's `features × classes` weights, feature-major, kept in the
/// precision they are stored in: `Float`s, or `Int8`s with a power-of-two scale
/// per feature. Scoring int8 weights reads a quarter of the memory, and since
/// the scales are powers of two, `q · (scale · x)` rounds exactly like
/// `(q · scale) · x`: both forms give the same scores.
struct WeightMatrix: Sendable {
    enum Storage: Sendable {
        case float([Float])
        case int8(values: [Int8], scales: [Float])
    }

    let storage: Storage
    let classCount: Int
    let rowCount: Int

    /// From float weights already rounded to `precision` (see ``WeightPrecision/rounded(_:classCount:)``).
    init(_ weights: [Float], classCount: Int, precision: WeightPrecision) {
        self.classCount = classCount
        rowCount = classCount == 0 ? 0 : weights.count / classCount
        switch precision {
        case .float32, .float16:
            storage = .float(weights)
        case .int8:
            var values = [Int8](repeating: 0, count: weights.count)
            var scales = [Float](repeating: 1, count: rowCount)
            for row in 0..<rowCount {
                let start = row * classCount
                let scale = WeightPrecision.scale(of: weights[start..<(start + classCount)])
                scales[row] = scale
                for index in start..<(start + classCount) { values[index] = WeightPrecision.quantize(weights[index], scale: scale) }
            }
            storage = .int8(values: values, scales: scales)
        }
    }

    init(int8 values: [Int8], scales: [Float], classCount: Int) {
        precondition(values.count == scales.count * classCount, "one scale per feature")
        self.classCount = classCount
        rowCount = scales.count
        storage = .int8(values: values, scales: scales)
    }

    var isFinite: Bool {
        switch storage {
        case let .float(weights): weights.allSatisfy(\.isFinite)
        case let .int8(_, scales): scales.allSatisfy(\.isFinite)
        }
    }

    /// The weights as `Float`s (exactly the values scoring uses).
    var floats: [Float] {
        switch storage {
        case let .float(weights):
            return weights
        case let .int8(values, scales):
            return values.enumerated().map { Float($1) * scales[$0 / classCount] }
        }
    }

    /// `scores += Σ values[p] · W[columns[p], :]`.
    func accumulate(columns: UnsafeBufferPointer<Int32>, values: UnsafeBufferPointer<Float>, into scores: UnsafeMutablePointer<Float>) {
        guard !columns.isEmpty else { return }
        let classCount = classCount
        switch storage {
        case let .float(weights):
            weights.withUnsafeBufferPointer { w in
                LinearKernels.accumulate(
                    columns: columns, values: values, range: 0..<columns.count,
                    weights: w.baseAddress!, classCount: classCount, into: scores
                )
            }
        case let .int8(quantized, scales):
            quantized.withUnsafeBufferPointer { q in
                scales.withUnsafeBufferPointer { s in
                    for position in 0..<columns.count {
                        let row = Int(columns[position])
                        let value = values[position] * s[row]
                        let base = q.baseAddress! + row * classCount
                        for c in 0..<classCount { scores[c] += Float(base[c]) * value }
                    }
                }
            }
        }
    }
}
