/// How a confidence threshold trades in-scope accuracy against catching
/// out-of-scope messages, and the threshold recommended by a stated criterion.
///
/// At threshold `t` a prediction is accepted when its confidence is ≥ `t`,
/// otherwise the message goes to the fallback. In-scope accuracy counts an
/// in-scope message as right only when it is accepted *and* correct;
/// out-of-scope recall is the share of out-of-scope messages sent to the fallback.
public struct OutOfScopeReport: Sendable, Codable, Hashable {
    public struct Point: Sendable, Codable, Hashable {
        public var threshold: Double
        public var inScopeAccuracy: Double
        /// Share of in-scope messages accepted (right or wrong).
        public var inScopeAcceptance: Double
        public var outOfScopeRecall: Double
        /// Of the messages sent to the fallback, the share that were out of scope.
        public var outOfScopePrecision: Double

        private enum CodingKeys: String, CodingKey {
            case threshold
            case inScopeAccuracy = "in_scope_accuracy"
            case inScopeAcceptance = "in_scope_acceptance"
            case outOfScopeRecall = "out_of_scope_recall"
            case outOfScopePrecision = "out_of_scope_precision"
        }
    }

    /// How to pick the recommended threshold from the curve.
    public enum Criterion: Sendable, Codable, Hashable, CustomStringConvertible {
        /// Maximise the mean of in-scope accuracy and out-of-scope recall (ties: lowest threshold).
        case balanced
        /// The lowest threshold whose out-of-scope recall reaches the target
        /// (the threshold with the highest recall when none does).
        case outOfScopeRecall(atLeast: Double)
        /// A threshold chosen elsewhere (on validation data, or the one in
        /// production), rounded to the sweep's step: shows where it sits on this data.
        case fixed(Double)

        public var description: String {
            switch self {
            case .balanced: "maximise (in-scope accuracy + out-of-scope recall) / 2"
            case let .outOfScopeRecall(target): "lowest threshold with out-of-scope recall >= \(target)"
            case let .fixed(threshold): "fixed threshold \(threshold) chosen beforehand"
            }
        }
    }

    public var outOfScopeLabel: String
    public var inScopeCount: Int
    public var outOfScopeCount: Int
    public var curve: [Point]
    public var criterion: String
    public var recommended: Point
    /// False when the criterion's target could not be reached on this data.
    public var targetMet: Bool

    private enum CodingKeys: String, CodingKey {
        case outOfScopeLabel = "out_of_scope_label"
        case inScopeCount = "in_scope_n"
        case outOfScopeCount = "out_of_scope_n"
        case curve, criterion, recommended
        case targetMet = "target_met"
    }

    /// Sweeps thresholds `0, step, 2·step, …, 1` over the predictions.
    /// `inScope` predictions carry their gold intents; `outOfScope` predictions
    /// only need their confidences.
    public init(
        inScope: [IntentPrediction], outOfScope: [IntentPrediction],
        outOfScopeLabel: String = NLUEvaluator.defaultOutOfScopeLabel,
        criterion: Criterion = .balanced, step: Double = 0.01
    ) {
        precondition(step > 0 && step <= 1, "threshold step within (0, 1]")
        self.outOfScopeLabel = outOfScopeLabel
        inScopeCount = inScope.count
        outOfScopeCount = outOfScope.count
        self.criterion = criterion.description
        let steps = Int((1 / step).rounded())
        let inCount = Double(max(inScope.count, 1))
        let outCount = Double(max(outOfScope.count, 1))
        curve = (0...steps).map { index in
            let threshold = Double(index) / Double(steps)
            let accepted = inScope.filter { $0.confidence >= threshold }
            let right = accepted.filter(\.isCorrect).count
            let caught = outOfScope.filter { $0.confidence < threshold }.count
            let rejected = caught + inScope.count - accepted.count
            return Point(
                threshold: threshold,
                inScopeAccuracy: Double(right) / inCount,
                inScopeAcceptance: Double(accepted.count) / inCount,
                outOfScopeRecall: Double(caught) / outCount,
                outOfScopePrecision: rejected == 0 ? 0 : Double(caught) / Double(rejected)
            )
        }
        switch criterion {
        case .balanced:
            var best = curve[0]
            for point in curve where (point.inScopeAccuracy + point.outOfScopeRecall) > (best.inScopeAccuracy + best.outOfScopeRecall) + 1e-12 {
                best = point
            }
            recommended = best
            targetMet = true
        case let .outOfScopeRecall(target):
            if let first = curve.first(where: { $0.outOfScopeRecall >= target }) {
                recommended = first
                targetMet = true
            } else {
                var best = curve[0]
                for point in curve where point.outOfScopeRecall > best.outOfScopeRecall { best = point }
                recommended = best
                targetMet = false
            }
        case let .fixed(threshold):
            let index = min(max(Int((threshold / step).rounded()), 0), steps)
            recommended = curve[index]
            targetMet = true
        }
    }
}
