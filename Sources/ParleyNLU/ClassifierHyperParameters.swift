/// Training hyper-parameters of the intent classifier. The defaults are the
/// ones tuned on a stratified validation split carved from BANKING77's
/// training set (never its test set); see `nlu-bench tune`.
public struct ClassifierHyperParameters: Sendable, Hashable, Codable {
    public var features: FeatureConfiguration
    public var head: ClassifierHead
    /// Passes over the training data (at most, for the SVM heads, which stop
    /// earlier once the largest optimality violation is below `tolerance`);
    /// the ensemble gives each of its two parts this many.
    public var epochs: Int
    /// AdaGrad base learning rate (softmax head and the ensemble's softmax part).
    public var learningRate: Float
    /// L2 penalty per example on the weights an example touches (softmax).
    public var l2: Float
    /// Inverse regularisation strength of the SVM heads (scikit-learn's `C`).
    public var regularization: Float
    /// Re-weights each intent's examples by `(n / (intents · nᵢ))^classBalance`
    /// in the SVM heads: 0 treats every example alike, 1 gives every intent the
    /// same total weight (scikit-learn's `class_weight="balanced"`).
    public var classBalance: Float
    /// Stopping tolerance of the SVM heads' dual coordinate descent.
    public var tolerance: Float
    /// Share of the training data held out, when no validation set is given,
    /// to fit the softmax temperature that turns scores into calibrated
    /// probabilities; the final model is then trained on all the data. 0 (or
    /// too little data: under 20 held-out examples) uses the head's
    /// ``ClassifierHead/priorTemperature`` instead.
    public var calibrationFraction: Double
    /// Storage precision of the weights (rounded at training time).
    public var weightPrecision: WeightPrecision
    /// Seed of the shuffling order; the same data, parameters and seed give the same model.
    public var seed: UInt64

    public init(
        features: FeatureConfiguration = FeatureConfiguration(),
        head: ClassifierHead = .ensemble,
        epochs: Int = 20,
        learningRate: Float = 0.05,
        l2: Float = 1e-6,
        regularization: Float = 0.5,
        classBalance: Float = 0,
        tolerance: Float = 0.05,
        calibrationFraction: Double = 0.1,
        weightPrecision: WeightPrecision = .int8,
        seed: UInt64 = 42
    ) {
        self.features = features
        self.head = head
        self.epochs = epochs
        self.learningRate = learningRate
        self.l2 = l2
        self.regularization = regularization
        self.classBalance = classBalance
        self.tolerance = tolerance
        self.calibrationFraction = calibrationFraction
        self.weightPrecision = weightPrecision
        self.seed = seed
    }

    public func validate() throws(NLUError) {
        try features.validate()
        guard (1...1000).contains(epochs) else { throw .invalidHyperParameter("epochs must be within 1...1000") }
        guard learningRate > 0, learningRate.isFinite else { throw .invalidHyperParameter("learning rate must be positive") }
        guard l2 >= 0, l2.isFinite else { throw .invalidHyperParameter("l2 must be non-negative") }
        guard regularization > 0, regularization.isFinite else {
            throw .invalidHyperParameter("regularization (C) must be positive")
        }
        guard (0...1).contains(classBalance) else { throw .invalidHyperParameter("class balance must be within 0...1") }
        guard tolerance > 0, tolerance.isFinite else { throw .invalidHyperParameter("tolerance must be positive") }
        guard (0..<0.5).contains(calibrationFraction) else {
            throw .invalidHyperParameter("calibration fraction must be within 0..<0.5")
        }
    }

    private enum CodingKeys: String, CodingKey {
        case features, head, epochs, learningRate, l2, regularization, classBalance, tolerance, calibrationFraction, weightPrecision, seed
    }

    /// Fields added after format version 1 fall back to what version 1 did
    /// (softmax head, no calibration), so version-1 model headers still decode.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        features = try container.decode(FeatureConfiguration.self, forKey: .features)
        head = try container.decodeIfPresent(ClassifierHead.self, forKey: .head) ?? .softmax
        epochs = try container.decode(Int.self, forKey: .epochs)
        learningRate = try container.decode(Float.self, forKey: .learningRate)
        l2 = try container.decode(Float.self, forKey: .l2)
        regularization = try container.decodeIfPresent(Float.self, forKey: .regularization) ?? 1
        classBalance = try container.decodeIfPresent(Float.self, forKey: .classBalance) ?? 0
        tolerance = try container.decodeIfPresent(Float.self, forKey: .tolerance) ?? 0.1
        calibrationFraction = try container.decodeIfPresent(Double.self, forKey: .calibrationFraction) ?? 0
        weightPrecision = try container.decodeIfPresent(WeightPrecision.self, forKey: .weightPrecision) ?? .float32
        seed = try container.decode(UInt64.self, forKey: .seed)
    }
}
