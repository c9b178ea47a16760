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
/// conversation tests, and (d) the bot's own training examples, under the
/// conditions of ``GateSettings``.
///
/// A held-out set is often small (the starter bot's is 33 texts, where one
/// text is 3 points), so a score condition fails only when the candidate is
/// worse by more than its tolerance *and* that is not the sampling error of
/// the set (at ``GateSettings/significanceLevel``): macro-F1 by a paired
/// bootstrap, an intent's recall by an exact sign test (Holm-corrected across
/// intents), the calibration error against the error a calibrated model
/// shows on as many examples. What a small held-out set cannot show, a
/// candidate that breaks one intent (labels contradicting the bot), the
/// bot's own examples do: there are many of them, and a candidate that now
/// reads them as another intent fails `bot_examples`.
public enum Gate {
    /// No label is treated as out of scope: an `out_of_scope` intent is scored like any other.
    static let noOutOfScopeLabel = "\u{0}"

    public static func evaluate(
        active: GatedModel, candidate: GatedModel, trainingSet: TrainingSet, conversations: [ConversationTest] = [],
        fallbackThreshold: Double, settings: GateSettings, now: Date = Date()
    ) -> GateReport {
        let started = ContinuousClock.now
        let holdout = Paired(active: active, candidate: candidate, on: trainingSet.holdout)
        let activeHoldout = holdout.activeResult(bins: settings.calibrationBins)
        let candidateHoldout = holdout.candidateResult(bins: settings.calibrationBins)
        let bot = Paired(active: active, candidate: candidate, on: trainingSet.botTraining)
        let activeBot = bot.activeResult(bins: settings.calibrationBins)
        let candidateBot = bot.candidateResult(bins: settings.calibrationBins)

        let training = trainingSet.trainingLabels.map { LabeledUtterance(text: $0.text, intent: $0.label.intent) }
        let regression = training.filter { active.rank($0.text).top?.name == $0.intent }
        let candidateRegression = score(candidate, on: regression, bins: settings.calibrationBins)

        var conditions: [GateReport.Condition] = []
        conditions.append(macroF1(active: activeHoldout, candidate: candidateHoldout, paired: holdout, settings: settings))
        let (recall, intents) = intentRecall(holdout, active: activeHoldout, candidate: candidateHoldout, settings: settings)
        conditions.append(recall)
        conditions.append(calibration(active: activeHoldout, candidate: candidateHoldout, paired: holdout, settings: settings))
        let (consistency, botIntents) = botExamples(bot, active: activeBot, candidate: candidateBot, settings: settings)
        conditions.append(consistency)
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
        if bot.count > 0 {
            sets.append(.init(name: "bot examples", n: bot.count, active: scores(activeBot), candidate: scores(candidateBot)))
        }
        var report = GateReport(
            active: active.version, candidate: candidate.version, passed: !conditions.contains { $0.verdict == .failed },
            sets: sets, conditions: conditions, intents: intents, conversationRegressions: regressions,
            settings: .init(settings), evaluatedAt: ISO8601DateFormatter().string(from: now), seconds: 0
        )
        report.botExamples = botIntents
        report.seconds = (ContinuousClock.now - started) / .seconds(1)
        return report
    }

    static func score(_ model: GatedModel, on examples: [LabeledUtterance], bins: Int) -> NLUTestResult {
        NLUEvaluator.score(predictions(model, on: examples), outOfScopeLabel: noOutOfScopeLabel, calibrationBins: bins)
    }

    static func predictions(_ model: GatedModel, on examples: [LabeledUtterance]) -> [IntentPrediction] {
        examples.map { example in
            let ranking = model.rank(example.text)
            let top = ranking.top ?? IntentScore(name: "", confidence: 0)
            return IntentPrediction(text: example.text, intent: example.intent, predicted: top.name, confidence: top.confidence)
        }
    }

    static func scores(_ result: NLUTestResult) -> GateReport.Scores {
        .init(accuracy: result.accuracy, macroF1: result.macroF1, ece: result.ece)
    }

    /// Both models' predictions on the same examples, in the same order.
    struct Paired {
        let active: [IntentPrediction]
        let candidate: [IntentPrediction]

        init(active: GatedModel, candidate: GatedModel, on examples: [LabeledUtterance]) {
            self.active = Gate.predictions(active, on: examples)
            self.candidate = Gate.predictions(candidate, on: examples)
        }

        var count: Int { active.count }

        func activeResult(bins: Int) -> NLUTestResult {
            NLUEvaluator.score(active, outOfScopeLabel: Gate.noOutOfScopeLabel, calibrationBins: bins)
        }

        func candidateResult(bins: Int) -> NLUTestResult {
            NLUEvaluator.score(candidate, outOfScopeLabel: Gate.noOutOfScopeLabel, calibrationBins: bins)
        }
    }
}
