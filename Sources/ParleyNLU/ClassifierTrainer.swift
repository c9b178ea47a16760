import Foundation

/// Progress of a training run, reported once per epoch.
public struct TrainingProgress: Sendable {
    public let epoch: Int
    public let epochs: Int
    /// Mean cross-entropy over the epoch, with the weights as they were when each example was seen.
    public let meanLoss: Double
    /// Share of training examples classified correctly during the epoch.
    public let trainingAccuracy: Double
}

/// Trains an ``IntentClassifier`` with AdaGrad stochastic gradient descent on
/// the softmax cross-entropy, with an L2 penalty on the weights each example
/// touches. Single-threaded and seeded, so the same input gives the same model.
public struct ClassifierTrainer: Sendable {
    public let hyperParameters: ClassifierHyperParameters

    public init(hyperParameters: ClassifierHyperParameters = ClassifierHyperParameters()) {
        self.hyperParameters = hyperParameters
    }

    public func train(
        _ examples: [LabeledUtterance],
        progress: (TrainingProgress) -> Void = { _ in }
    ) throws(NLUError) -> IntentClassifier {
        try hyperParameters.validate()
        let intents = Array(Set(examples.map(\.intent))).sorted()
        guard intents.count >= 2 else { throw .notEnoughTrainingData("at least two intents are needed, found \(intents.count)") }
        let classIndex = Dictionary(uniqueKeysWithValues: intents.enumerated().map { ($1, $0) })

        let vectorizer = Vectorizer.fit(examples.map(\.text), configuration: hyperParameters.features)
        let vectors = examples.map { vectorizer.vector(for: $0.text) }
        let labels = examples.map { classIndex[$0.intent]! }
        let classCount = intents.count

        var weights = [Float](repeating: 0, count: vectorizer.featureCount * classCount)
        var squaredGradients = [Float](repeating: 1e-8, count: weights.count)
        var bias = [Float](repeating: 0, count: classCount)
        var biasSquaredGradients = [Float](repeating: 1e-8, count: classCount)
        var order = Array(vectors.indices)
        var generator = SeededGenerator(seed: hyperParameters.seed)
        let rate = hyperParameters.learningRate
        let l2 = hyperParameters.l2
        var scores = [Float](repeating: 0, count: classCount)

        for epoch in 1...hyperParameters.epochs {
            order.shuffle(using: &generator)
            var loss = 0.0
            var correct = 0
            for example in order {
                let vector = vectors[example]
                let label = labels[example]
                scores = bias
                IntentClassifier.accumulate(vector, weights: weights, classCount: classCount, into: &scores)
                IntentClassifier.softmax(&scores)
                loss -= Double(logf(max(scores[label], 1e-12)))
                if scores.indices.max(by: { scores[$0] < scores[$1] }) == label { correct += 1 }
                scores[label] -= 1  // now the gradient of the loss with respect to the logits

                weights.withUnsafeMutableBufferPointer { w in
                    squaredGradients.withUnsafeMutableBufferPointer { g in
                        for (index, value) in zip(vector.indices, vector.values) {
                            let row = Int(index) * classCount
                            for c in 0..<classCount {
                                let gradient = scores[c] * value + l2 * w[row + c]
                                g[row + c] += gradient * gradient
                                w[row + c] -= rate * gradient / g[row + c].squareRoot()
                            }
                        }
                    }
                }
                for c in 0..<classCount {
                    let gradient = scores[c]
                    biasSquaredGradients[c] += gradient * gradient
                    bias[c] -= rate * gradient / biasSquaredGradients[c].squareRoot()
                }
            }
            progress(TrainingProgress(
                epoch: epoch, epochs: hyperParameters.epochs,
                meanLoss: loss / Double(max(vectors.count, 1)),
                trainingAccuracy: Double(correct) / Double(max(vectors.count, 1))
            ))
        }
        return IntentClassifier(intents: intents, vectorizer: vectorizer, weights: weights, bias: bias)
    }
}
