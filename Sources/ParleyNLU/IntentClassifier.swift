import Foundation

/// A multinomial logistic-regression intent classifier over TF-IDF word and
/// character n-gram features. Its softmax probabilities are the confidences.
public struct IntentClassifier: Sendable {
    public let intents: [String]
    public let vectorizer: Vectorizer
    /// Row-major `featureCount × intents.count`: the weights of one feature are contiguous.
    let weights: [Float]
    let bias: [Float]

    init(intents: [String], vectorizer: Vectorizer, weights: [Float], bias: [Float]) {
        precondition(weights.count == vectorizer.featureCount * intents.count, "weight matrix shape")
        precondition(bias.count == intents.count, "bias shape")
        self.intents = intents
        self.vectorizer = vectorizer
        self.weights = weights
        self.bias = bias
    }

    public func rank(_ text: String) -> IntentRanking {
        let probabilities = probabilities(for: vectorizer.vector(for: text))
        return IntentRanking(scores: zip(intents, probabilities).map { IntentScore(name: $0, confidence: Double($1)) })
    }

    func probabilities(for vector: SparseVector) -> [Float] {
        var logits = bias
        Self.accumulate(vector, weights: weights, classCount: intents.count, into: &logits)
        Self.softmax(&logits)
        return logits
    }

    static func accumulate(_ vector: SparseVector, weights: [Float], classCount: Int, into logits: inout [Float]) {
        weights.withUnsafeBufferPointer { w in
            logits.withUnsafeMutableBufferPointer { out in
                for (index, value) in zip(vector.indices, vector.values) {
                    let row = Int(index) * classCount
                    for c in 0..<classCount { out[c] += w[row + c] * value }
                }
            }
        }
    }

    static func softmax(_ logits: inout [Float]) {
        guard let maximum = logits.max() else { return }
        var sum: Float = 0
        for index in logits.indices {
            logits[index] = expf(logits[index] - maximum)
            sum += logits[index]
        }
        for index in logits.indices { logits[index] /= sum }
    }
}
