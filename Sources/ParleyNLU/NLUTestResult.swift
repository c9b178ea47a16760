/// Everything `parley test nlu` reports about a model on labelled examples;
/// encodes to JSON with snake_case keys (`n`, `accuracy`, `macro_f1`,
/// `per_intent`, `ece`, …). When out-of-scope examples are present, the
/// classification metrics are over the in-scope examples only and
/// `out_of_scope` holds the threshold analysis.
public struct NLUTestResult: Sendable, Codable {
    public struct IntentMetrics: Sendable, Codable, Hashable {
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int
        /// Intents this one was mistaken for, with counts (most frequent first, at most 5).
        public var confusedWith: [ConfusedPair]

        private enum CodingKeys: String, CodingKey {
            case precision, recall, f1, support
            case confusedWith = "confused_with"
        }
    }

    /// Gold `intent` predicted as `predicted`, `count` times.
    public struct ConfusedPair: Sendable, Codable, Hashable {
        public var intent: String
        public var predicted: String
        public var count: Int
    }

    public struct ConfusionMatrix: Sendable, Codable, Hashable {
        /// Sorted union of gold and predicted intents; rows are gold, columns predicted.
        public var labels: [String]
        public var matrix: [[Int]]
    }

    public var n: Int
    public var accuracy: Double
    public var macroF1: Double
    public var weightedF1: Double
    /// Macro-averaged precision and recall over the gold intents.
    public var macroPrecision: Double
    public var macroRecall: Double
    public var errorCount: Int
    public var perIntent: [String: IntentMetrics]
    /// Off-diagonal confusions, most frequent first (at most 20 here; the report's CSV has all).
    public var mostConfused: [ConfusedPair]
    public var confusion: ConfusionMatrix
    public var calibration: CalibrationReport
    public var outOfScope: OutOfScopeReport?
    /// The model that was scored, when known.
    public var modelVersion: String?

    /// Expected calibration error of the top confidences (also in `calibration`).
    public var ece: Double { calibration.expectedCalibrationError }

    private enum CodingKeys: String, CodingKey {
        case n, accuracy, ece
        case macroF1 = "macro_f1"
        case weightedF1 = "weighted_f1"
        case macroPrecision = "macro_precision"
        case macroRecall = "macro_recall"
        case errorCount = "errors"
        case perIntent = "per_intent"
        case mostConfused = "most_confused"
        case confusion, calibration
        case outOfScope = "out_of_scope"
        case modelVersion = "model_version"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        n = try c.decode(Int.self, forKey: .n)
        accuracy = try c.decode(Double.self, forKey: .accuracy)
        macroF1 = try c.decode(Double.self, forKey: .macroF1)
        weightedF1 = try c.decode(Double.self, forKey: .weightedF1)
        macroPrecision = try c.decode(Double.self, forKey: .macroPrecision)
        macroRecall = try c.decode(Double.self, forKey: .macroRecall)
        errorCount = try c.decode(Int.self, forKey: .errorCount)
        perIntent = try c.decode([String: IntentMetrics].self, forKey: .perIntent)
        mostConfused = try c.decode([ConfusedPair].self, forKey: .mostConfused)
        confusion = try c.decode(ConfusionMatrix.self, forKey: .confusion)
        calibration = try c.decode(CalibrationReport.self, forKey: .calibration)
        outOfScope = try c.decodeIfPresent(OutOfScopeReport.self, forKey: .outOfScope)
        modelVersion = try c.decodeIfPresent(String.self, forKey: .modelVersion)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(n, forKey: .n)
        try c.encode(accuracy, forKey: .accuracy)
        try c.encode(macroF1, forKey: .macroF1)
        try c.encode(weightedF1, forKey: .weightedF1)
        try c.encode(macroPrecision, forKey: .macroPrecision)
        try c.encode(macroRecall, forKey: .macroRecall)
        try c.encode(ece, forKey: .ece)
        try c.encode(errorCount, forKey: .errorCount)
        try c.encode(perIntent, forKey: .perIntent)
        try c.encode(mostConfused, forKey: .mostConfused)
        try c.encode(confusion, forKey: .confusion)
        try c.encode(calibration, forKey: .calibration)
        try c.encodeIfPresent(outOfScope, forKey: .outOfScope)
        try c.encodeIfPresent(modelVersion, forKey: .modelVersion)
    }

    init(
        n: Int, accuracy: Double, macroF1: Double, weightedF1: Double, macroPrecision: Double, macroRecall: Double,
        errorCount: Int, perIntent: [String: IntentMetrics], mostConfused: [ConfusedPair], confusion: ConfusionMatrix,
        calibration: CalibrationReport, outOfScope: OutOfScopeReport?, modelVersion: String?
    ) {
        self.n = n
        self.accuracy = accuracy
        self.macroF1 = macroF1
        self.weightedF1 = weightedF1
        self.macroPrecision = macroPrecision
        self.macroRecall = macroRecall
        self.errorCount = errorCount
        self.perIntent = perIntent
        self.mostConfused = mostConfused
        self.confusion = confusion
        self.calibration = calibration
        self.outOfScope = outOfScope
        self.modelVersion = modelVersion
    }
}
