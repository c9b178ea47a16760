import Foundation

/// Progress of a training run, reported once per epoch.
public struct TrainingProgress: Sendable {
    public let epoch: Int
    /// The most epochs this run takes (the SVM heads may stop earlier).
    public let epochs: Int
    /// Mean training loss over the epoch, with the weights as they were when
    /// each example was seen (cross-entropy for softmax, hinge losses for the SVMs).
    public let meanLoss: Double
    /// Share of training examples classified correctly during the epoch.
    public let trainingAccuracy: Double
    /// Which model is being trained: the auxiliary one that calibrates the
    /// temperature, or the final one.
    public var stage: TrainingStage = .final

    public init(epoch: Int, epochs: Int, meanLoss: Double, trainingAccuracy: Double, stage: TrainingStage = .final) {
        self.epoch = epoch
        self.epochs = epochs
        self.meanLoss = meanLoss
        self.trainingAccuracy = trainingAccuracy
        self.stage = stage
    }
}

public enum TrainingStage: String, Sendable, Codable {
    case calibration
    case final
}

/// Trains an ``IntentClassifier``: fits the TF-IDF vectoriser, then the head
/// chosen in the hyper-parameters. Single-threaded and seeded, so the same
/// input gives the same model, bit for bit. The temperature of the result is 1;
/// ``NLUModel/train(on:hyperParameters:validation:producer:now:progress:)``
/// calibrates it.
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

        let vectorizer = try Vectorizer.fit(examples.map(\.text), configuration: hyperParameters.features)
        guard vectorizer.featureCount > 0 else {
            throw .notEnoughTrainingData("the examples have no words or letters to learn from")
        }
        var matrix = TrainingMatrix(featureCount: vectorizer.featureCount, classCount: intents.count)
        var scratch = FeatureScratch()
        for example in examples {
            // Every intent is in classIndex: it was built from these examples.
            matrix.append(vectorizer.vector(for: example.text, scratch: &scratch), label: classIndex[example.intent] ?? 0)
        }
        let h = hyperParameters
        let solved = solve(matrix, progress: progress)
        let weights = h.weightPrecision.rounded(solved.weights, classCount: intents.count)
        let stored = WeightMatrix(weights, classCount: intents.count, precision: h.weightPrecision)
        return IntentClassifier(intents: intents, vectorizer: vectorizer, matrix: stored, bias: solved.bias, temperature: 1)
    }

    /// The head's weights and bias for the rows of `matrix` (any features: the
    /// hybrid stage solves TF-IDF ⊕ embedding rows with the same heads).
    func solve(_ matrix: TrainingMatrix, progress: (TrainingProgress) -> Void) -> (weights: [Float], bias: [Float]) {
        let h = hyperParameters
        let softmax = SoftmaxSolver(learningRate: h.learningRate, l2: h.l2, epochs: h.epochs, seed: h.seed)
        let crammerSinger = CrammerSingerSolver(
            regularization: h.regularization, classBalance: h.classBalance, tolerance: h.tolerance, epochs: h.epochs, seed: h.seed
        )
        let solved: (weights: [Float], bias: [Float])
        switch h.head {
        case .softmax:
            solved = softmax.solve(matrix, progress: progress)
        case .squaredHinge:
            solved = SquaredHingeSolver(regularization: h.regularization, classBalance: h.classBalance, tolerance: h.tolerance, epochs: h.epochs, seed: h.seed)
                .solve(matrix, progress: progress)
        case .crammerSinger:
            solved = crammerSinger.solve(matrix, progress: progress)
        case .ensemble:
            // Epochs are numbered across both parts: 1...epochs, then epochs+1...2·epochs.
            let first = crammerSinger.solve(matrix) { step in
                progress(TrainingProgress(epoch: step.epoch, epochs: 2 * h.epochs, meanLoss: step.meanLoss, trainingAccuracy: step.trainingAccuracy))
            }
            let second = softmax.solve(matrix) { step in
                progress(TrainingProgress(epoch: h.epochs + step.epoch, epochs: 2 * h.epochs, meanLoss: step.meanLoss, trainingAccuracy: step.trainingAccuracy))
            }
            solved = LinearEnsemble.combine([first, second], on: matrix)
        }
        return solved
    }
}
