import Foundation

/// The exact one-sided sign test on paired outcomes (McNemar's exact test):
/// of the examples where the two models disagree on being right, `lost` went
/// the active model's way and `gained` the candidate's. If the candidate
/// were as good, each disagreement would go either way with probability ½,
/// so the chance of `lost` or more of the `lost + gained` going against it
/// is the upper tail of Binomial(lost + gained, ½). Exact at every size,
/// which is what a held-out set of thirty texts needs.
enum SignTest {
    /// P(X ≥ lost) for X ~ Binomial(lost + gained, ½); 1 when nothing was lost.
    static func pValue(lost: Int, gained: Int) -> Double {
        precondition(lost >= 0 && gained >= 0, "counts")
        guard lost > 0 else { return 1 }
        let n = lost + gained
        // Sum the tail in log space: C(n, k) / 2^n for k = lost…n, with
        // log C(n, k) built up from log C(n, 0) = 0.
        let logHalf = Double(n) * log(0.5)
        var logChoose = 0.0
        var tail = 0.0
        for k in 0...n {
            if k > 0 { logChoose += log(Double(n - k + 1)) - log(Double(k)) }
            if k >= lost { tail += exp(logChoose + logHalf) }
        }
        return min(1, tail)
    }

    /// Holm's step-down correction for `pValues` tested together at `level`:
    /// which hypotheses are rejected (in the input's order). Controls the
    /// chance of any false rejection among them at `level`, so judging
    /// seventy-seven intents at once does not fail a model on one unlucky one.
    static func holmRejections(_ pValues: [Double], level: Double) -> [Bool] {
        let order = pValues.indices.sorted { pValues[$0] < pValues[$1] }
        var rejected = [Bool](repeating: false, count: pValues.count)
        for (rank, index) in order.enumerated() {
            guard pValues[index] <= level / Double(pValues.count - rank) else { break }
            rejected[index] = true
        }
        return rejected
    }
}
