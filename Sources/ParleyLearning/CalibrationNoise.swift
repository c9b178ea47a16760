import ParleyNLU

/// How much two models' calibration errors differ by sampling alone. The
/// expected calibration error is a sum of absolute gaps, so even a perfectly
/// calibrated model shows one on a finite set, larger the fewer examples fill
/// each bin (several hundredths on 150 texts in 10 bins), and a bootstrap of
/// the difference is biased (most for the better calibrated model). Instead,
/// outcomes are drawn as calibrated models would produce them (each example
/// right with probability equal to its confidence; "consistency resampling",
/// Bröcker & Smith 2007), independently for the two models with their own
/// confidences: the upper quantile of the difference of their errors is the
/// rise sampling can explain. An observed rise beyond it is real.
///
/// Deterministic: the outcomes come from a fixed seed.
struct CalibrationNoise: Sendable {
    var resamples = 400
    var seed: UInt64 = 0xCA11_B8A7

    /// The `quantile` of ECE(candidate) − ECE(active) over the resamples, in `bins` bins.
    func differenceQuantile(_ quantile: Double, active: [Double], candidate: [Double], bins: Int) -> Double {
        precondition(!active.isEmpty && !candidate.isEmpty, "confidences")
        var generator = SeededGenerator(seed: seed)
        var values: [Double] = []
        values.reserveCapacity(resamples)
        for _ in 0..<resamples {
            let after = Self.calibratedError(candidate, bins: bins, using: &generator)
            let before = Self.calibratedError(active, bins: bins, using: &generator)
            values.append(after - before)
        }
        values.sort()
        let position = min(values.count - 1, max(0, Int((quantile * Double(values.count)).rounded(.down))))
        return values[position]
    }

    /// The calibration error of one draw of outcomes from a calibrated model with these confidences.
    static func calibratedError(_ confidences: [Double], bins: Int, using generator: inout SeededGenerator) -> Double {
        let outcomes = confidences.map { confidence in Double(generator.next() >> 11) * 0x1.0p-53 < confidence }
        return CalibrationReport(confidences: confidences, correct: outcomes, binCount: bins).expectedCalibrationError
    }
}
