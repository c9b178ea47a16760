import Foundation

/// Adds linear models' scores after dividing each model's scores by their
/// standard deviation on the training data, so that models with differently
/// scaled scores (a margin-based SVM, a log-linear softmax) weigh alike. The
/// sum of linear models is one linear model: one weight matrix, one bias.
enum LinearEnsemble {
    static func combine(_ models: [(weights: [Float], bias: [Float])], on matrix: TrainingMatrix) -> (weights: [Float], bias: [Float]) {
        guard var weights = models.first.map({ [Float](repeating: 0, count: $0.weights.count) }),
              var bias = models.first.map({ [Float](repeating: 0, count: $0.bias.count) })
        else { return ([], []) }
        for model in models {
            let scale = 1 / max(scoreDeviation(model, on: matrix), 1e-12)
            for index in weights.indices { weights[index] += model.weights[index] * scale }
            for index in bias.indices { bias[index] += model.bias[index] * scale }
        }
        return (weights, bias)
    }

    /// Standard deviation of all scores (every training row, every class), in double precision.
    static func scoreDeviation(_ model: (weights: [Float], bias: [Float]), on matrix: TrainingMatrix) -> Float {
        let classCount = matrix.classCount
        var scores = [Float](repeating: 0, count: classCount)
        var sum = 0.0
        var squares = 0.0
        matrix.columns.withUnsafeBufferPointer { columns in
            matrix.values.withUnsafeBufferPointer { values in
                model.weights.withUnsafeBufferPointer { w in
                    for row in 0..<matrix.rowCount {
                        for c in 0..<classCount { scores[c] = model.bias[c] }
                        scores.withUnsafeMutableBufferPointer { s in
                            LinearKernels.accumulate(
                                columns: columns, values: values, range: matrix.rowStarts[row]..<matrix.rowStarts[row + 1],
                                weights: w.baseAddress!, classCount: classCount, into: s.baseAddress!
                            )
                        }
                        for score in scores {
                            sum += Double(score)
                            squares += Double(score) * Double(score)
                        }
                    }
                }
            }
        }
        let count = Double(max(matrix.rowCount * classCount, 1))
        let mean = sum / count
        return Float(max(squares / count - mean * mean, 0).squareRoot())
    }
}
