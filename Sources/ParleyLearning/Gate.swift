import Foundation
import ParleyNLU

/// A model as the gate sees it: its version and how it ranks a text (the
/// engine's parser, so the gate judges exactly what would serve).
public struct GatedModel: Sendable {
    public var version: String
    public var rank: @Sendable (String) -> IntentRanking

    public init(version: String, rank: @escaping @Sendable (String) -> IntentRanking) {
        self.version = version
        self.rank = rank
    }
}

/// Judges a candidate against the active model on (a) the frozen held-out
/// split (the bot's examples and labelled turns no model trained on), (b) the
/// regression set (training labels the active model gets right), (c) the
/// conversation tests, under the conditions of ``GateSettings``.
public enum Gate {
    /// No label is treated as out of scope: an `out_of_scope` intent is scored like any other.
    static let noOutOfScopeLabel = "\u{0}"

    public static func evaluate(
        active: GatedModel, candidate: GatedModel, trainingSet: TrainingSet, conversations: [ConversationTest] = [],
        fallbackThreshold: Double, settings: GateSettings, now: Date = Date()
    ) -> GateReport {
        let started = ContinuousClock.now
        let holdout = trainingSet.holdout
        let activeHoldout = score(active, on: holdout, bins: settings.calibrationBins)
        let candidateHoldout = score(candidate, on: holdout, bins: settings.calibrationBins)

        let training = trainingSet.trainingLabels.map { LabeledUtterance(text: $0.text, intent: $0.label.intent) }
        let regression = training.filter { active.rank($0.text).top?.name == $0.intent }
        let candidateRegression = score(candidate, on: regression, bins: settings.calibrationBins)

        var conditions: [GateReport.Condition] = []
        conditions.append(macroF1(active: activeHoldout, candidate: candidateHoldout, n: holdout.count, settings: settings))
        let (recall, intents) = intentRecall(active: activeHoldout, candidate: candidateHoldout, settings: settings)
        conditions.append(recall)
        conditions.append(calibration(active: activeHoldout, candidate: candidateHoldout, n: holdout.count, settings: settings))
        conditions.append(regressionCondition(candidateRegression, n: regression.count, settings: settings))
        let regressions = conversations.filter { test in
            test.passes(active.rank, fallbackThreshold: fallbackThreshold) && !test.passes(candidate.rank, fallbackThreshold: fallbackThreshold)
        }.map(\.name)
        conditions.append(conversationCondition(tests: conversations.count, regressions: regressions))

        var sets = [GateReport.SetScores(name: "held-out", n: holdout.count, active: scores(activeHoldout), candidate: scores(candidateHoldout))]
        if !trainingSet.labelHoldout.isEmpty {
            let labels = trainingSet.labelHoldout.map { LabeledUtterance(text: $0.text, intent: $0.label.intent) }
            sets.append(.init(
                name: "held-out labels", n: labels.count, active: scores(score(active, on: labels, bins: settings.calibrationBins)),
                candidate: scores(score(candidate, on: labels, bins: settings.calibrationBins))
            ))
        }
        sets.append(.init(
            name: "regression", n: regression.count,
            active: .init(accuracy: regression.isEmpty ? 0 : 1, macroF1: regression.isEmpty ? 0 : 1, ece: 0),
            candidate: scores(candidateRegression)
        ))
        return GateReport(
            active: active.version, candidate: candidate.version, passed: !conditions.contains { $0.verdict == .failed },
            sets: sets, conditions: conditions, intents: intents, conversationRegressions: regressions,
            settings: .init(settings), evaluatedAt: ISO8601DateFormatter().string(from: now), seconds: (ContinuousClock.now - started).inSeconds
        )
    }

    static func score(_ model: GatedModel, on examples: [LabeledUtterance], bins: Int) -> NLUTestResult {
        let predictions = examples.map { example in
            let ranking = model.rank(example.text)
            let top = ranking.top ?? IntentScore(name: "", confidence: 0)
            return IntentPrediction(text: example.text, intent: example.intent, predicted: top.name, confidence: top.confidence)
        }
        return NLUEvaluator.score(predictions, outOfScopeLabel: noOutOfScopeLabel, calibrationBins: bins)
    }

    static func scores(_ result: NLUTestResult) -> GateReport.Scores {
        .init(accuracy: result.accuracy, macroF1: result.macroF1, ece: result.ece)
    }

    static func macroF1(active: NLUTestResult, candidate: NLUTestResult, n: Int, settings: GateSettings) -> GateReport.Condition {
        guard n > 0 else {
            return .init(name: "macro_f1", verdict: .notChecked, active: nil, candidate: nil, limit: nil, explanation: "no held-out examples")
        }
        let limit = active.macroF1 - settings.maxMacroF1Drop
        let passed = candidate.macroF1 >= limit - 1e-12
        return .init(
            name: "macro_f1", verdict: passed ? .passed : .failed, active: active.macroF1, candidate: candidate.macroF1, limit: limit,
            explanation: String(
                format: "held-out macro-F1 %.2f%% against %.2f%% (may be at most %.2f points lower)",
                candidate.macroF1 * 100, active.macroF1 * 100, settings.maxMacroF1Drop * 100
            )
        )
    }

    static func intentRecall(
        active: NLUTestResult, candidate: NLUTestResult, settings: GateSettings
    ) -> (GateReport.Condition, [GateReport.IntentComparison]) {
        let intents = Set(active.perIntent.keys).union(candidate.perIntent.keys).filter { (active.perIntent[$0]?.support ?? 0) > 0 }
        var comparisons: [GateReport.IntentComparison] = []
        for intent in intents.sorted() {
            let before = active.perIntent[intent]
            let after = candidate.perIntent[intent]
            let support = before?.support ?? after?.support ?? 0
            let activeRecall = before?.recall ?? 0
            let candidateRecall = after?.recall ?? 0
            let verdict: GateReport.Verdict = support < settings.minIntentSupport
                ? .notChecked : activeRecall - candidateRecall > settings.maxIntentRecallDrop + 1e-12 ? .failed : .passed
            comparisons.append(.init(
                intent: intent, support: support, activeRecall: activeRecall, candidateRecall: candidateRecall,
                activeF1: before?.f1 ?? 0, candidateF1: after?.f1 ?? 0, verdict: verdict
            ))
        }
        let checked = comparisons.filter { $0.verdict != .notChecked }
        let failed = checked.filter { $0.verdict == .failed }
        let condition: GateReport.Condition
        if checked.isEmpty {
            condition = .init(
                name: "intent_recall", verdict: .notChecked, active: nil, candidate: nil, limit: nil,
                explanation: "no intent has \(settings.minIntentSupport) held-out examples"
            )
        } else {
            let worst = checked.map { $0.activeRecall - $0.candidateRecall }.max() ?? 0
            condition = .init(
                name: "intent_recall", verdict: failed.isEmpty ? .passed : .failed, active: nil, candidate: worst,
                limit: settings.maxIntentRecallDrop,
                explanation: failed.isEmpty
                    ? String(format: "no intent's recall fell by more than %.0f points (%d intents with %d+ examples; largest drop %.1f points)",
                             settings.maxIntentRecallDrop * 100, checked.count, settings.minIntentSupport, worst * 100)
                    : "recall fell by more than \(Int((settings.maxIntentRecallDrop * 100).rounded())) points for \(failed.map(\.intent).joined(separator: ", "))"
            )
        }
        return (condition, comparisons)
    }

    static func calibration(active: NLUTestResult, candidate: NLUTestResult, n: Int, settings: GateSettings) -> GateReport.Condition {
        guard n > 0 else {
            return .init(name: "calibration", verdict: .notChecked, active: nil, candidate: nil, limit: nil, explanation: "no held-out examples")
        }
        let limit = active.ece + settings.maxCalibrationErrorIncrease
        return .init(
            name: "calibration", verdict: candidate.ece <= limit + 1e-12 ? .passed : .failed, active: active.ece, candidate: candidate.ece,
            limit: limit,
            explanation: String(
                format: "held-out expected calibration error %.3f against %.3f (may be at most %.3f higher)",
                candidate.ece, active.ece, settings.maxCalibrationErrorIncrease
            )
        )
    }

    static func regressionCondition(_ candidate: NLUTestResult, n: Int, settings: GateSettings) -> GateReport.Condition {
        guard n > 0 else {
            return .init(name: "regression", verdict: .notChecked, active: nil, candidate: nil, limit: nil, explanation: "no labelled turn the active model gets right")
        }
        return .init(
            name: "regression", verdict: candidate.accuracy >= settings.minRegressionAccuracy - 1e-12 ? .passed : .failed,
            active: 1, candidate: candidate.accuracy, limit: settings.minRegressionAccuracy,
            explanation: String(
                format: "%d of the %d labelled turns the active model gets right are right (%.1f%%; at least %.0f%% needed)",
                n - candidate.errorCount, n, candidate.accuracy * 100, settings.minRegressionAccuracy * 100
            )
        )
    }

    static func conversationCondition(tests: Int, regressions: [String]) -> GateReport.Condition {
        guard tests > 0 else {
            return .init(name: "conversations", verdict: .notChecked, active: nil, candidate: nil, limit: nil, explanation: "no conversation tests")
        }
        return .init(
            name: "conversations", verdict: regressions.isEmpty ? .passed : .failed, active: nil, candidate: Double(regressions.count), limit: 0,
            explanation: regressions.isEmpty
                ? "no conversation test that passes with the active model fails with the candidate (\(tests) tests)"
                : "\(regressions.count) of \(tests) conversation tests fail with the candidate but not with the active model"
        )
    }
}

extension Duration {
    var inSeconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
