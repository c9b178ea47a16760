import Foundation

/// Training vectors in compressed sparse row layout (one allocation for all
/// rows), with their class indices: what the solvers iterate over.
struct TrainingMatrix: Sendable {
    /// Row `i` is `columns[rowStarts[i]..<rowStarts[i + 1]]` with `values` alike.
    private(set) var rowStarts: [Int] = [0]
    private(set) var columns: [Int32] = []
    private(set) var values: [Float] = []
    private(set) var labels: [Int] = []
    let featureCount: Int
    let classCount: Int

    init(featureCount: Int, classCount: Int) {
        self.featureCount = featureCount
        self.classCount = classCount
    }

    var rowCount: Int { labels.count }

    mutating func append(_ vector: SparseVector, label: Int) {
        columns += vector.indices
        values += vector.values
        rowStarts.append(columns.count)
        labels.append(label)
    }

    /// Per-row weights `(n / (classes · n_class))^exponent`; all 1 for exponent 0.
    func classBalanceWeights(exponent: Float) -> [Float] {
        guard exponent > 0 else { return [Float](repeating: 1, count: rowCount) }
        var counts = [Int](repeating: 0, count: classCount)
        for label in labels { counts[label] += 1 }
        let perClass = counts.map { count in
            count == 0 ? 1 : powf(Float(rowCount) / (Float(classCount) * Float(count)), exponent)
        }
        return labels.map { perClass[$0] }
    }

    func squaredNorm(of row: Int) -> Float {
        var sum: Float = 0
        for position in rowStarts[row]..<rowStarts[row + 1] { sum += values[position] * values[position] }
        return sum
    }
}

/// The dense parts shared by the solvers: `scores += Σ xⱼ · W[j, :]` and
/// `W[j, :] += xⱼ · delta` over one sparse row, with the weights stored
/// feature-major (`featureCount × classCount`).
enum LinearKernels {
    @inline(__always)
    static func accumulate(
        columns: UnsafeBufferPointer<Int32>, values: UnsafeBufferPointer<Float>, range: Range<Int>,
        weights: UnsafePointer<Float>, classCount: Int, into scores: UnsafeMutablePointer<Float>
    ) {
        for position in range {
            let row = weights + Int(columns[position]) * classCount
            let value = values[position]
            for c in 0..<classCount { scores[c] += row[c] * value }
        }
    }

    @inline(__always)
    static func update(
        columns: UnsafeBufferPointer<Int32>, values: UnsafeBufferPointer<Float>, range: Range<Int>,
        weights: UnsafeMutablePointer<Float>, classCount: Int, delta: UnsafePointer<Float>
    ) {
        for position in range {
            let row = weights + Int(columns[position]) * classCount
            let value = values[position]
            for c in 0..<classCount { row[c] += delta[c] * value }
        }
    }
}
