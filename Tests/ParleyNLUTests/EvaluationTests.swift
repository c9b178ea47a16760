import Foundation
import Testing
@testable import ParleyNLU

@Suite("Evaluation")
struct EvaluationTests {
    static func prediction(_ gold: String, _ predicted: String, _ confidence: Double) -> IntentPrediction {
        IntentPrediction(text: "\(gold) example", intent: gold, predicted: predicted, confidence: confidence)
    }

    @Test func computesAccuracyMacroF1AndConfusions() {
        let predictions = [
            Self.prediction("a", "a", 0.9), Self.prediction("a", "a", 0.8), Self.prediction("a", "b", 0.6),
            Self.prediction("b", "b", 0.7), Self.prediction("c", "c", 0.95), Self.prediction("c", "b", 0.4),
        ]
        let result = NLUEvaluator.score(predictions)
        #expect(result.n == 6)
        #expect(abs(result.accuracy - 4.0 / 6) < 1e-12)
        // a: P 1, R 2/3, F1 0.8; b: P 1/3, R 1, F1 0.5; c: P 1, R 1/2, F1 2/3.
        #expect(abs(result.macroF1 - (0.8 + 0.5 + 2.0 / 3) / 3) < 1e-12)
        #expect(result.perIntent["b"]?.support == 1)
        #expect(result.confusion.labels == ["a", "b", "c"])
        #expect(result.confusion.matrix == [[2, 1, 0], [0, 1, 0], [0, 1, 1]])
        #expect(result.mostConfused.map(\.predicted) == ["b", "b"])
        #expect(result.perIntent["a"]?.confusedWith.first?.predicted == "b")
        #expect(result.errorCount == 2)
    }

    @Test func expectedCalibrationErrorWeighsBinGapsByCount() {
        // Bin [0.9, 1.0): confidence 0.95 twice, one right -> gap 0.45, weight 1/2.
        // Bin [0.5, 0.6): confidence 0.55 twice, both right -> gap 0.45, weight 1/2.
        let report = CalibrationReport(confidences: [0.95, 0.95, 0.55, 0.55], correct: [true, false, true, true], binCount: 10)
        #expect(abs(report.expectedCalibrationError - 0.45) < 1e-12)
        #expect(report.bins.count == 10)
        #expect(report.bins[9].count == 2 && report.bins[5].count == 2)
        #expect(CalibrationReport(confidences: [1.0], correct: [true]).expectedCalibrationError == 0)
    }

    @Test func resultEncodesSnakeCaseKeys() throws {
        let result = NLUEvaluator.score([Self.prediction("a", "a", 0.9), Self.prediction("b", "a", 0.6)])
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(result)) as? [String: Any]
        let keys = Set(object?.keys.map { $0 } ?? [])
        #expect(keys.isSuperset(of: ["accuracy", "macro_f1", "n", "per_intent", "ece", "weighted_f1", "most_confused", "confusion", "calibration"]))
        let decoded = try JSONDecoder().decode(NLUTestResult.self, from: JSONEncoder().encode(result))
        #expect(decoded.accuracy == result.accuracy && decoded.perIntent == result.perIntent)
    }

    @Test func separatesOutOfScopeExamplesFromIntentMetrics() throws {
        let model = try TestData.model()
        let result = NLUEvaluator.evaluate(
            model, on: [LabeledUtterance(text: "where is my card", intent: "card_arrival"),
                        LabeledUtterance(text: "tell me a joke", intent: "out_of_scope")],
            outOfScope: [LabeledUtterance(text: "what is the weather", intent: "anything")]
        )
        #expect(result.n == 1)
        #expect(result.outOfScope?.outOfScopeCount == 2)
        #expect(result.outOfScope?.inScopeCount == 1)
        #expect(result.modelVersion == model.metadata.version)
        let tested = NLUEvaluator.test(model, on: [LabeledUtterance(text: "where is my card", intent: "card_arrival")],
                                       outOfScope: [LabeledUtterance(text: "what is the weather", intent: "anything")])
        #expect(tested.predictions.map(\.intent) == ["card_arrival", "out_of_scope"])
        #expect(tested.result.outOfScope?.outOfScopeCount == 1)
    }

    @Test func labelOnlyScoringStillWorks() {
        let report = Evaluation.score(gold: ["a", "b", "b"], predicted: ["a", "b", "a"])
        #expect(abs(report.accuracy - 2.0 / 3) < 1e-12)
    }
}

@Suite("Out-of-scope thresholds")
struct ThresholdTests {
    /// In-scope: 8 right at 0.9, 2 wrong at 0.45. Out-of-scope: confidences 0.2, 0.3, 0.4, 0.6.
    static let inScope = (0..<8).map { _ in EvaluationTests.prediction("a", "a", 0.9) }
        + (0..<2).map { _ in EvaluationTests.prediction("a", "b", 0.45) }
    static let outOfScope = [0.2, 0.3, 0.4, 0.6].map { EvaluationTests.prediction("out_of_scope", "a", $0) }

    @Test func balancedCriterionPicksTheLowestThresholdWithTheBestMean() {
        let report = OutOfScopeReport(inScope: Self.inScope, outOfScope: Self.outOfScope)
        // From 0.61 to 0.90 every OOS message is caught and all 8 right answers are kept.
        #expect(abs(report.recommended.threshold - 0.61) < 1e-9)
        #expect(report.recommended.inScopeAccuracy == 0.8)
        #expect(report.recommended.outOfScopeRecall == 1)
        #expect(report.curve.count == 101)
        #expect(report.curve[0].outOfScopeRecall == 0 && report.curve[0].inScopeAcceptance == 1)
    }

    @Test func targetRecallCriterionPicksTheLowestThresholdReachingIt() {
        let report = OutOfScopeReport(inScope: Self.inScope, outOfScope: Self.outOfScope, criterion: .outOfScopeRecall(atLeast: 0.75))
        #expect(abs(report.recommended.threshold - 0.41) < 1e-9)  // catches 0.2, 0.3, 0.4
        #expect(report.recommended.outOfScopeRecall == 0.75)
        #expect(report.targetMet)
        let impossible = OutOfScopeReport(inScope: Self.inScope, outOfScope: Self.outOfScope + [EvaluationTests.prediction("out_of_scope", "a", 1.0)], criterion: .outOfScopeRecall(atLeast: 1))
        #expect(!impossible.targetMet)
    }

    @Test func fixedCriterionReportsTheGivenThreshold() {
        let report = OutOfScopeReport(inScope: Self.inScope, outOfScope: Self.outOfScope, criterion: .fixed(0.5))
        #expect(report.recommended.threshold == 0.5)
        #expect(report.recommended.outOfScopeRecall == 0.75)
        #expect(report.recommended.inScopeAccuracy == 0.8)
    }

    @Test func outOfScopePrecisionCountsRejectedInScopeMessages() {
        let report = OutOfScopeReport(inScope: Self.inScope, outOfScope: Self.outOfScope)
        let point = report.curve[50]  // 0.50: rejects 2 in-scope (0.45) and 3 OOS
        #expect(abs(point.outOfScopePrecision - 3.0 / 5) < 1e-12)
    }
}
