import Foundation

/// Multinomial logistic regression: AdaGrad stochastic gradient descent on the
/// softmax cross-entropy, with an L2 penalty on the weights each example
/// touches (the version-1 trainer, made sparse in the classes).
///
/// Once the model fits an example, most classes get a gradient near zero;
/// classes whose logit gradient is below ``gradientCutoff`` in magnitude are
/// not updated for that example, which makes an epoch several times cheaper.
struct SoftmaxSolver {
    static let gradientCutoff: Float = 1e-3

    let learningRate: Float
    let l2: Float
    let epochs: Int
    let seed: UInt64

    func solve(_ matrix: TrainingMatrix, progress: (TrainingProgress) -> Void) -> (weights: [Float], bias: [Float]) {
        let classCount = matrix.classCount
        let rowCount = matrix.rowCount
        var weights = [Float](repeating: 0, count: matrix.featureCount * classCount)
        var squaredGradients = [Float](repeating: 1e-8, count: weights.count)
        var bias = [Float](repeating: 0, count: classCount)
        var biasSquaredGradients = [Float](repeating: 1e-8, count: classCount)
        var order = Array(0..<rowCount)
        var generator = SeededGenerator(seed: seed)
        let rate = learningRate
        let l2 = l2
        var scores = [Float](repeating: 0, count: classCount)
        var active: [Int] = []
        active.reserveCapacity(classCount)
        let cutoff = Self.gradientCutoff

        matrix.columns.withUnsafeBufferPointer { columns in
            matrix.values.withUnsafeBufferPointer { values in
                for epoch in 1...epochs {
                    generator.shuffle(&order)
                    var loss = 0.0
                    var correct = 0
                    for row in order {
                        let range = matrix.rowStarts[row]..<matrix.rowStarts[row + 1]
                        let label = matrix.labels[row]
                        for c in 0..<classCount { scores[c] = bias[c] }
                        weights.withUnsafeBufferPointer { w in
                            scores.withUnsafeMutableBufferPointer { s in
                                LinearKernels.accumulate(
                                    columns: columns, values: values, range: range,
                                    weights: w.baseAddress!, classCount: classCount, into: s.baseAddress!
                                )
                            }
                        }
                        IntentClassifier.softmax(&scores)
                        loss -= Double(logf(max(scores[label], 1e-12)))
                        if scores.indices.max(by: { scores[$0] < scores[$1] }) == label { correct += 1 }
                        scores[label] -= 1  // now the gradient of the loss with respect to the logits
                        active.removeAll(keepingCapacity: true)
                        for c in 0..<classCount where abs(scores[c]) >= cutoff { active.append(c) }

                        weights.withUnsafeMutableBufferPointer { w in
                            squaredGradients.withUnsafeMutableBufferPointer { g in
                                for position in range {
                                    let row = Int(columns[position]) * classCount
                                    let value = values[position]
                                    for c in active {
                                        let gradient = scores[c] * value + l2 * w[row + c]
                                        g[row + c] += gradient * gradient
                                        w[row + c] -= rate * gradient / g[row + c].squareRoot()
                                    }
                                }
                            }
                        }
                        for c in active {
                            let gradient = scores[c]
                            biasSquaredGradients[c] += gradient * gradient
                            bias[c] -= rate * gradient / biasSquaredGradients[c].squareRoot()
                        }
                    }
                    progress(TrainingProgress(
                        epoch: epoch, epochs: epochs,
                        meanLoss: loss / Double(max(rowCount, 1)),
                        trainingAccuracy: Double(correct) / Double(max(rowCount, 1))
                    ))
                }
            }
        }
        return (weights, bias)
    }
}
