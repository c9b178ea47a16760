/// One-vs-rest L2-regularised squared-hinge SVMs (scikit-learn's `LinearSVC`
/// with an unregularised-looking bias that is in fact a constant feature, as
/// liblinear does), solved by dual coordinate descent (Hsieh et al., 2008).
///
/// The per-class problems are independent; they are solved in lockstep, one
/// example at a time for all classes, so the sparse row is gathered once and
/// the inner loops run over the contiguous per-feature class weights.
struct SquaredHingeSolver {
    let regularization: Float
    let classBalance: Float
    let tolerance: Float
    let epochs: Int
    let seed: UInt64

    func solve(_ matrix: TrainingMatrix, progress: (TrainingProgress) -> Void) -> (weights: [Float], bias: [Float]) {
        let classCount = matrix.classCount
        let rowCount = matrix.rowCount
        // A row's weight scales its C, so its diagonal term 1 / (2C) shrinks.
        let diagonals = matrix.classBalanceWeights(exponent: classBalance).map { 1 / (2 * regularization * $0) }
        let qd = (0..<rowCount).map { matrix.squaredNorm(of: $0) + 1 + diagonals[$0] }
        var weights = [Float](repeating: 0, count: matrix.featureCount * classCount)
        var bias = [Float](repeating: 0, count: classCount)
        var alpha = [Float](repeating: 0, count: rowCount * classCount)
        var scores = [Float](repeating: 0, count: classCount)
        var delta = [Float](repeating: 0, count: classCount)
        var order = Array(0..<rowCount)
        var generator = SeededGenerator(seed: seed)

        matrix.columns.withUnsafeBufferPointer { columns in
            matrix.values.withUnsafeBufferPointer { values in
                weights.withUnsafeMutableBufferPointer { w in
                    for epoch in 1...epochs {
                        generator.shuffle(&order)
                        var maxViolation: Float = 0
                        var loss = 0.0
                        var correct = 0
                        for row in order {
                            let range = matrix.rowStarts[row]..<matrix.rowStarts[row + 1]
                            let label = matrix.labels[row]
                            let diagonal = diagonals[row]
                            for c in 0..<classCount { scores[c] = bias[c] }
                            scores.withUnsafeMutableBufferPointer { s in
                                LinearKernels.accumulate(
                                    columns: columns, values: values, range: range,
                                    weights: w.baseAddress!, classCount: classCount, into: s.baseAddress!
                                )
                            }
                            var best = 0
                            var changed = false
                            for c in 0..<classCount {
                                if scores[c] > scores[best] { best = c }
                                let y: Float = c == label ? 1 : -1
                                let margin = max(0, 1 - y * scores[c])
                                loss += Double(margin * margin)
                                let a = alpha[row * classCount + c]
                                let gradient = y * scores[c] - 1 + a * diagonal
                                let projected = a == 0 ? min(gradient, 0) : gradient
                                maxViolation = max(maxViolation, abs(projected))
                                if abs(projected) > 1e-12 {
                                    let updated = max(a - gradient / qd[row], 0)
                                    delta[c] = (updated - a) * y
                                    alpha[row * classCount + c] = updated
                                    changed = true
                                } else {
                                    delta[c] = 0
                                }
                            }
                            if best == label { correct += 1 }
                            guard changed else { continue }
                            for c in 0..<classCount { bias[c] += delta[c] }
                            delta.withUnsafeBufferPointer { d in
                                LinearKernels.update(
                                    columns: columns, values: values, range: range,
                                    weights: w.baseAddress!, classCount: classCount, delta: d.baseAddress!
                                )
                            }
                        }
                        progress(TrainingProgress(
                            epoch: epoch, epochs: epochs,
                            meanLoss: loss / Double(max(rowCount, 1)),
                            trainingAccuracy: Double(correct) / Double(max(rowCount, 1))
                        ))
                        if maxViolation < tolerance { break }
                    }
                }
            }
        }
        return (weights, bias)
    }
}
