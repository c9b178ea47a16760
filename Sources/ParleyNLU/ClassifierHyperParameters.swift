/// Training hyper-parameters of the intent classifier. The defaults are the
/// ones tuned on a validation split of BANKING77 (see README, "NLU quality").
public struct ClassifierHyperParameters: Sendable, Hashable, Codable {
    public var features: FeatureConfiguration
    /// Passes over the training data.
    public var epochs: Int
    /// AdaGrad base learning rate.
    public var learningRate: Float
    /// L2 penalty per example on the weights an example touches.
    public var l2: Float
    /// Seed of the shuffling order; the same data, parameters and seed give the same model.
    public var seed: UInt64

    public init(
        features: FeatureConfiguration = FeatureConfiguration(),
        epochs: Int = 20,
        learningRate: Float = 0.5,
        l2: Float = 1e-5,
        seed: UInt64 = 42
    ) {
        self.features = features
        self.epochs = epochs
        self.learningRate = learningRate
        self.l2 = l2
        self.seed = seed
    }

    public func validate() throws(NLUError) {
        try features.validate()
        guard (1...1000).contains(epochs) else { throw .invalidHyperParameter("epochs must be within 1...1000") }
        guard learningRate > 0, learningRate.isFinite else { throw .invalidHyperParameter("learning rate must be positive") }
        guard l2 >= 0, l2.isFinite else { throw .invalidHyperParameter("l2 must be non-negative") }
    }
}
