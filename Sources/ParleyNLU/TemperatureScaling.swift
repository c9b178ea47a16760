import Foundation

/// Temperature scaling (Guo et al., 2017): the one scalar `T` that minimises
/// the negative log-likelihood of `softmax(scores / T)` on held-out examples.
/// It changes confidences, never the ranking.
public enum TemperatureScaling {
    /// Fits `T` by golden-section search over `log(1/T)`; the NLL is convex in
    /// `1/T`, so the search finds the optimum. Returns 1 for no examples.
    public static func fit(scores: [[Float]], labels: [Int]) -> Float {
        precondition(scores.count == labels.count, "one label per score vector")
        guard !scores.isEmpty else { return 1 }
        var low = log(1e-2)
        var high = log(1e3)
        let ratio = (5.0.squareRoot() - 1) / 2
        var a = high - ratio * (high - low)
        var b = low + ratio * (high - low)
        var fa = negativeLogLikelihood(scores: scores, labels: labels, inverseTemperature: exp(a))
        var fb = negativeLogLikelihood(scores: scores, labels: labels, inverseTemperature: exp(b))
        for _ in 0..<60 {
            if fa <= fb {
                high = b; b = a; fb = fa
                a = high - ratio * (high - low)
                fa = negativeLogLikelihood(scores: scores, labels: labels, inverseTemperature: exp(a))
            } else {
                low = a; a = b; fa = fb
                b = low + ratio * (high - low)
                fb = negativeLogLikelihood(scores: scores, labels: labels, inverseTemperature: exp(b))
            }
        }
        return Float(1 / exp((low + high) / 2))
    }

    /// Mean negative log-likelihood of the labels under `softmax(β · scores)`.
    public static func negativeLogLikelihood(scores: [[Float]], labels: [Int], inverseTemperature β: Double) -> Double {
        var total = 0.0
        for (row, label) in zip(scores, labels) {
            guard let maximum = row.max() else { continue }
            var sum = 0.0
            for value in row { sum += exp(β * Double(value - maximum)) }
            total += log(sum) - β * Double(row[label] - maximum)
        }
        return total / Double(max(scores.count, 1))
    }
}
