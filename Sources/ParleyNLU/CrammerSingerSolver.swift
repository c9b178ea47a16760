/// The Crammer–Singer multi-class SVM, solved by dual coordinate descent over
/// one example's class variables at a time (Keerthi et al., 2008; liblinear's
/// `MCSVM_CS`). The bias is a constant feature of value 1.
///
/// Dual: for each example `i` with class `yᵢ`, `αᵢ` has one entry per class,
/// `αᵢᵐ ≤ C·[m = yᵢ]` and `Σₘ αᵢᵐ = 0`; `wₘ = Σᵢ αᵢᵐ xᵢ`.
struct CrammerSingerSolver {
    let regularization: Float
    let classBalance: Float
    let tolerance: Float
    let epochs: Int
    let seed: UInt64

    func solve(_ matrix: TrainingMatrix, progress: (TrainingProgress) -> Void) -> (weights: [Float], bias: [Float]) {
        let classCount = matrix.classCount
        let rowCount = matrix.rowCount
        let rowBounds = matrix.classBalanceWeights(exponent: classBalance).map { $0 * regularization }
        let squaredNorms = (0..<rowCount).map { matrix.squaredNorm(of: $0) + 1 }
        var weights = [Float](repeating: 0, count: matrix.featureCount * classCount)
        var bias = [Float](repeating: 0, count: classCount)
        var alpha = [Float](repeating: 0, count: rowCount * classCount)
        var gradient = [Float](repeating: 0, count: classCount)
        var shifted = [Float](repeating: 0, count: classCount)
        var sorted = [Float](repeating: 0, count: classCount)
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
                            let a = squaredNorms[row]
                            let c = rowBounds[row]
                            let base = row * classCount
                            for m in 0..<classCount { gradient[m] = bias[m] }
                            gradient.withUnsafeMutableBufferPointer { g in
                                LinearKernels.accumulate(
                                    columns: columns, values: values, range: range,
                                    weights: w.baseAddress!, classCount: classCount, into: g.baseAddress!
                                )
                            }
                            // Bookkeeping on the scores before the margin is added.
                            var best = 0
                            var worstRival: Float = -.infinity
                            for m in 0..<classCount {
                                if gradient[m] > gradient[best] { best = m }
                                if m != label { worstRival = max(worstRival, gradient[m] + 1) }
                            }
                            loss += Double(max(0, worstRival - gradient[label]))
                            if best == label { correct += 1 }

                            var minimum = Float.infinity
                            var maximum = -Float.infinity
                            for m in 0..<classCount {
                                if m != label { gradient[m] += 1 }
                                let bound: Float = m == label ? c : 0
                                if alpha[base + m] < bound, gradient[m] < minimum { minimum = gradient[m] }
                                maximum = max(maximum, gradient[m])
                            }
                            guard maximum - minimum > 1e-12 else { continue }
                            maxViolation = max(maxViolation, maximum - minimum)

                            for m in 0..<classCount { shifted[m] = gradient[m] - a * alpha[base + m] }
                            for m in 0..<classCount { sorted[m] = shifted[m] }
                            sorted[label] += a * c
                            sorted.sort(by: >)
                            var beta = sorted[0] - a * c
                            var r = 1
                            while r < classCount, beta < Float(r) * sorted[r] {
                                beta += sorted[r]
                                r += 1
                            }
                            beta /= Float(r)
                            for m in 0..<classCount {
                                let bound: Float = m == label ? c : 0
                                let updated = min(bound, (beta - shifted[m]) / a)
                                delta[m] = updated - alpha[base + m]
                                alpha[base + m] = updated
                            }
                            for m in 0..<classCount { bias[m] += delta[m] }
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
