import ParleyNLU

/// How much worse a candidate is than the active model on the same examples,
/// allowing for how few examples there are: a paired bootstrap (resampling
/// examples with replacement, both models' predictions together) of the
/// difference of a score. A fixed tolerance on a small held-out set fails a
/// better model on noise: on 33 texts one text is 3 points. Used for
/// macro-F1 (see ``Gate`` for why not for the calibration error).
///
/// Deterministic: the resamples come from a fixed seed, so a gate decision
/// can be reproduced from the same models and examples.
struct PairedBootstrap: Sendable {
    var resamples = 400
    var seed: UInt64 = 0x5EED_CAFE

    /// The `quantile` of `worsening(active, candidate)` over the resamples,
    /// where each side is scored on the same resampled examples. For a
    /// one-sided test at 95 %: quantile 0.05, and "credibly worse by more
    /// than t" is that value > t.
    func quantile(
        _ quantile: Double, active: [IntentPrediction], candidate: [IntentPrediction], bins: Int,
        worsening: (_ active: NLUTestResult, _ candidate: NLUTestResult) -> Double
    ) -> Double {
        precondition(active.count == candidate.count && !active.isEmpty, "paired predictions")
        var generator = SeededGenerator(seed: seed)
        var values: [Double] = []
        values.reserveCapacity(resamples)
        var sampleActive: [IntentPrediction] = []
        var sampleCandidate: [IntentPrediction] = []
        sampleActive.reserveCapacity(active.count)
        sampleCandidate.reserveCapacity(active.count)
        for _ in 0..<resamples {
            sampleActive.removeAll(keepingCapacity: true)
            sampleCandidate.removeAll(keepingCapacity: true)
            for _ in 0..<active.count {
                let index = Int(generator.next() % UInt64(active.count))
                sampleActive.append(active[index])
                sampleCandidate.append(candidate[index])
            }
            values.append(worsening(
                NLUEvaluator.score(sampleActive, outOfScopeLabel: Gate.noOutOfScopeLabel, calibrationBins: bins),
                NLUEvaluator.score(sampleCandidate, outOfScopeLabel: Gate.noOutOfScopeLabel, calibrationBins: bins)
            ))
        }
        values.sort()
        let position = min(values.count - 1, max(0, Int((quantile * Double(values.count)).rounded(.down))))
        return values[position]
    }
}
