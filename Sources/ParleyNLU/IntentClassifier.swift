import Foundation

/// A linear intent classifier over TF-IDF word and character n-gram features.
/// Its confidences are `softmax(scores / temperature)`: probabilities, with the
/// temperature fitted on held-out data so that they are calibrated.
public struct IntentClassifier: Sendable {
    public let intents: [String]
    public let vectorizer: Vectorizer
    /// Row-major `featureCount × intents.count`: the weights of one feature are contiguous.
    let matrix: WeightMatrix
    let bias: [Float]
    /// Divides the scores before the softmax; fitted by temperature scaling.
    public let temperature: Float

    init(intents: [String], vectorizer: Vectorizer, matrix: WeightMatrix, bias: [Float], temperature: Float) {
        precondition(matrix.rowCount == vectorizer.featureCount && matrix.classCount == intents.count, "weight matrix shape")
        precondition(bias.count == intents.count, "bias shape")
        self.intents = intents
        self.vectorizer = vectorizer
        self.matrix = matrix
        self.bias = bias
        self.temperature = temperature
    }

    /// The weights as `Float`s, feature-major.
    var weights: [Float] { matrix.floats }

    /// Features whose weights are all zero (they still count in the TF-IDF
    /// normalisation, but add nothing to any score).
    public var zeroWeightFeatureCount: Int {
        let classCount = intents.count
        let weights = weights
        return stride(from: 0, to: weights.count, by: classCount).reduce(0) { count, start in
            weights[start..<(start + classCount)].allSatisfy { $0 == 0 } ? count + 1 : count
        }
    }

    /// The same classifier with another temperature.
    func with(temperature: Float) -> IntentClassifier {
        IntentClassifier(intents: intents, vectorizer: vectorizer, matrix: matrix, bias: bias, temperature: temperature)
    }

    public func rank(_ text: String) -> IntentRanking {
        ranking(probabilities(for: text))
    }

    /// The ranking of probabilities given in ``intents`` order.
    func ranking(_ probabilities: [Float]) -> IntentRanking {
        // Sorting positions, not scores with their strings, is the cheap way
        // to the order IntentRanking defines (confidence, then name).
        let intents = intents
        let order = probabilities.indices.sorted {
            probabilities[$0] > probabilities[$1] || (probabilities[$0] == probabilities[$1] && intents[$0] < intents[$1])
        }
        return IntentRanking(ordered: order.map { IntentScore(name: intents[$0], confidence: Double(probabilities[$0])) })
    }

    /// Calibrated probabilities, one per intent in ``intents`` order.
    public func probabilities(for text: String) -> [Float] {
        var logits = scores(for: text)
        Self.softmax(&logits, temperature: temperature)
        return logits
    }

    /// Raw linear scores (before temperature and softmax), in ``intents`` order.
    public func scores(for text: String) -> [Float] {
        var scratch = FeatureScratch()
        return scores(for: vectorizer.vector(for: text, scratch: &scratch))
    }

    func scores(for vector: SparseVector) -> [Float] {
        var logits = bias
        vector.indices.withUnsafeBufferPointer { columns in
            vector.values.withUnsafeBufferPointer { values in
                logits.withUnsafeMutableBufferPointer { out in
                    matrix.accumulate(columns: columns, values: values, into: out.baseAddress!)
                }
            }
        }
        return logits
    }

    static func softmax(_ logits: inout [Float], temperature: Float = 1) {
        guard let maximum = logits.max() else { return }
        let inverse = 1 / temperature
        var sum: Float = 0
        for index in logits.indices {
            logits[index] = expf((logits[index] - maximum) * inverse)
            sum += logits[index]
        }
        for index in logits.indices { logits[index] /= sum }
    }
}
