/// How well confidences match accuracy: equal-width confidence bins with the
/// accuracy and mean confidence of the predictions in each, and the expected
/// calibration error `ECE = Σ_b (n_b / N) · |accuracy_b − confidence_b|`.
public struct CalibrationReport: Sendable, Codable, Hashable {
    public struct Bin: Sendable, Codable, Hashable {
        public var lower: Double
        public var upper: Double
        public var count: Int
        /// Share of correct predictions in the bin (0 when empty).
        public var accuracy: Double
        /// Mean top confidence in the bin (0 when empty).
        public var meanConfidence: Double

        private enum CodingKeys: String, CodingKey {
            case lower, upper, count, accuracy
            case meanConfidence = "mean_confidence"
        }
    }

    public static let defaultBinCount = 15

    public var bins: [Bin]
    public var expectedCalibrationError: Double
    /// Largest gap over non-empty bins.
    public var maximumCalibrationError: Double

    private enum CodingKeys: String, CodingKey {
        case bins
        case expectedCalibrationError = "ece"
        case maximumCalibrationError = "mce"
    }

    /// Bins `[0, 1/B), [1/B, 2/B), …, [(B−1)/B, 1]` over the top confidences.
    public init(confidences: [Double], correct: [Bool], binCount: Int = defaultBinCount) {
        precondition(confidences.count == correct.count, "one outcome per confidence")
        precondition(binCount >= 1, "at least one bin")
        var counts = [Int](repeating: 0, count: binCount)
        var hits = [Int](repeating: 0, count: binCount)
        var sums = [Double](repeating: 0, count: binCount)
        for (confidence, isCorrect) in zip(confidences, correct) {
            let bin = min(max(Int(confidence * Double(binCount)), 0), binCount - 1)
            counts[bin] += 1
            sums[bin] += confidence
            if isCorrect { hits[bin] += 1 }
        }
        let total = Double(max(confidences.count, 1))
        var ece = 0.0
        var mce = 0.0
        bins = (0..<binCount).map { index in
            let count = counts[index]
            let accuracy = count == 0 ? 0 : Double(hits[index]) / Double(count)
            let confidence = count == 0 ? 0 : sums[index] / Double(count)
            if count > 0 {
                ece += Double(count) / total * abs(accuracy - confidence)
                mce = max(mce, abs(accuracy - confidence))
            }
            return Bin(
                lower: Double(index) / Double(binCount), upper: Double(index + 1) / Double(binCount),
                count: count, accuracy: accuracy, meanConfidence: confidence
            )
        }
        expectedCalibrationError = ece
        maximumCalibrationError = mce
    }
}
