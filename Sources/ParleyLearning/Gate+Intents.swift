import Foundation
import ParleyNLU

/// The per-intent conditions: recall on the held-out set, and agreement with
/// the bot's own training examples. Each intent's drop is judged on the
/// examples where the two models disagree (``SignTest``), Holm-corrected
/// across the intents judged together.
extension Gate {
    /// One intent's paired outcomes.
    struct IntentTally {
        var support = 0
        var activeRight = 0
        var candidateRight = 0
        /// Right for the active model, wrong for the candidate.
        var lost = 0
        /// Wrong for the active model, right for the candidate.
        var gained = 0
        /// What the candidate predicted for the lost examples.
        var lostAs: [String: Int] = [:]

        var activeRecall: Double { support == 0 ? 0 : Double(activeRight) / Double(support) }
        var candidateRecall: Double { support == 0 ? 0 : Double(candidateRight) / Double(support) }
        var drop: Double { activeRecall - candidateRecall }
        var pValue: Double { SignTest.pValue(lost: lost, gained: gained) }
        /// The most frequent reading of the lost examples (ties by name).
        var nowPredictedAs: String? {
            lostAs.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
        }
    }

    static func tallies(_ paired: Paired) -> [String: IntentTally] {
        var tallies: [String: IntentTally] = [:]
        for (before, after) in zip(paired.active, paired.candidate) {
            let activeRight = before.predicted == before.intent
            let candidateRight = after.predicted == after.intent
            var tally = tallies[before.intent, default: IntentTally()]
            tally.support += 1
            if activeRight { tally.activeRight += 1 }
            if candidateRight { tally.candidateRight += 1 }
            if activeRight, !candidateRight {
                tally.lost += 1
                tally.lostAs[after.predicted, default: 0] += 1
            }
            if !activeRight, candidateRight { tally.gained += 1 }
            tallies[before.intent] = tally
        }
        return tallies
    }

    /// Verdicts for intents with at least `minimumSupport` examples: failed
    /// when recall fell by more than the tolerance and the sign test, Holm-
    /// corrected over those intents, says it is not chance.
    static func verdicts(_ tallies: [String: IntentTally], minimumSupport: Int, settings: GateSettings) -> [String: GateReport.Verdict] {
        let judged = tallies.filter { $0.value.support >= minimumSupport }.sorted { $0.key < $1.key }
        let rejected = SignTest.holmRejections(judged.map(\.value.pValue), level: settings.significanceLevel)
        var verdicts = tallies.mapValues { _ in GateReport.Verdict.notChecked }
        for ((name, tally), isRejected) in zip(judged, rejected) {
            verdicts[name] = isRejected && tally.drop > settings.maxIntentRecallDrop + 1e-12 ? .failed : .passed
        }
        return verdicts
    }

    static func comparisons(
        _ tallies: [String: IntentTally], verdicts: [String: GateReport.Verdict], active: NLUTestResult, candidate: NLUTestResult
    ) -> [GateReport.IntentComparison] {
        tallies.sorted { $0.key < $1.key }.map { name, tally in
            .init(
                intent: name, support: tally.support, activeRecall: tally.activeRecall, candidateRecall: tally.candidateRecall,
                activeF1: active.perIntent[name]?.f1 ?? 0, candidateF1: candidate.perIntent[name]?.f1 ?? 0,
                verdict: verdicts[name] ?? .notChecked, lost: tally.lost, gained: tally.gained, pValue: tally.pValue,
                nowPredictedAs: tally.nowPredictedAs
            )
        }
    }

    static func intentRecall(
        _ paired: Paired, active: NLUTestResult, candidate: NLUTestResult, settings: GateSettings
    ) -> (GateReport.Condition, [GateReport.IntentComparison]) {
        let tallies = tallies(paired)
        let verdicts = verdicts(tallies, minimumSupport: settings.minIntentSupport, settings: settings)
        let intents = comparisons(tallies, verdicts: verdicts, active: active, candidate: candidate)
        let checked = intents.filter { $0.verdict != .notChecked }
        guard !checked.isEmpty else {
            return (.init(
                name: "intent_recall", verdict: .notChecked, active: nil, candidate: nil, limit: nil,
                explanation: "no intent has \(settings.minIntentSupport) held-out examples"
            ), intents)
        }
        let failed = checked.filter { $0.verdict == .failed }
        let worst = checked.map { $0.activeRecall - $0.candidateRecall }.max() ?? 0
        let condition = GateReport.Condition(
            name: "intent_recall", verdict: failed.isEmpty ? .passed : .failed, active: nil, candidate: worst,
            limit: settings.maxIntentRecallDrop,
            explanation: failed.isEmpty
                ? String(
                    format: "no intent's recall fell by more than %.0f points beyond its sampling error (%d intents with %d+ examples; largest drop %.1f points)",
                    settings.maxIntentRecallDrop * 100, checked.count, settings.minIntentSupport, worst * 100
                )
                : "recall fell by more than \(points(settings.maxIntentRecallDrop)) points, beyond the sampling error, for "
                    + failed.map(\.intent).joined(separator: ", ")
        )
        return (condition, intents)
    }

    /// The candidate must still read the bot's own training examples as the
    /// bot says. There are many more of them than held-out texts, so this is
    /// what catches labels that contradict the bot (an intent taught as
    /// another) when the held-out set is too small to show it.
    static func botExamples(
        _ paired: Paired, active: NLUTestResult, candidate: NLUTestResult, settings: GateSettings
    ) -> (GateReport.Condition, [GateReport.IntentComparison]) {
        guard paired.count > 0 else {
            return (.init(name: "bot_examples", verdict: .notChecked, active: nil, candidate: nil, limit: nil, explanation: "no bot examples to train on"), [])
        }
        let tallies = tallies(paired)
        let verdicts = verdicts(tallies, minimumSupport: 1, settings: settings)
        let intents = comparisons(tallies, verdicts: verdicts, active: active, candidate: candidate)
        let failed = intents.filter { $0.verdict == .failed }
        let worst = intents.map { $0.activeRecall - $0.candidateRecall }.max() ?? 0
        let explanation: String
        if failed.isEmpty {
            explanation = String(
                format: "the candidate reads the bot's own %d examples as the bot does: no intent's recall fell by more than %.0f points beyond its sampling error (largest drop %.1f points)",
                paired.count, settings.maxIntentRecallDrop * 100, worst * 100
            )
        } else {
            let named = failed.map { intent in
                String(format: "%@ (%.0f%% -> %.0f%%%@)", intent.intent, intent.activeRecall * 100, intent.candidateRecall * 100,
                       intent.nowPredictedAs.map { ", now read as \($0)" } ?? "")
            }
            explanation = "the candidate contradicts the bot's own examples of " + named.joined(separator: "; ")
                + ": labels that teach these texts as another intent? Correct the labels or the bot's data, or promote with --force"
        }
        return (.init(
            name: "bot_examples", verdict: failed.isEmpty ? .passed : .failed, active: nil, candidate: worst,
            limit: settings.maxIntentRecallDrop, explanation: explanation
        ), intents)
    }

    private static func points(_ share: Double) -> Int { Int((share * 100).rounded()) }
}
