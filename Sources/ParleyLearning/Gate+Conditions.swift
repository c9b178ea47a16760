import Foundation
import ParleyNLU

/// The aggregate conditions: macro-F1 and calibration on the held-out set,
/// the regression set, the conversation tests.
extension Gate {
    static func macroF1(active: NLUTestResult, candidate: NLUTestResult, paired: Paired, settings: GateSettings) -> GateReport.Condition {
        guard paired.count > 0 else {
            return .init(name: "macro_f1", verdict: .notChecked, active: nil, candidate: nil, limit: nil, explanation: "no held-out examples")
        }
        let limit = active.macroF1 - settings.maxMacroF1Drop
        let withinTolerance = candidate.macroF1 >= limit - 1e-12
        // The drop that is still there at the (1 − level) confidence end: past the tolerance, the candidate is credibly worse.
        let credibleDrop = withinTolerance ? 0 : PairedBootstrap().quantile(
            settings.significanceLevel, active: paired.active, candidate: paired.candidate, bins: settings.calibrationBins
        ) { $0.macroF1 - $1.macroF1 }
        let passed = withinTolerance || credibleDrop <= settings.maxMacroF1Drop + 1e-12
        var explanation = String(
            format: "held-out macro-F1 %.2f%% against %.2f%% (may be at most %.2f points lower",
            candidate.macroF1 * 100, active.macroF1 * 100, settings.maxMacroF1Drop * 100
        )
        if !withinTolerance {
            explanation += String(
                format: "; with %.0f%% confidence the drop is at least %.2f points over %d examples%@",
                (1 - settings.significanceLevel) * 100, max(0, credibleDrop) * 100, paired.count,
                passed ? ", inside the sampling error" : ""
            )
        }
        return .init(
            name: "macro_f1", verdict: passed ? .passed : .failed, active: active.macroF1, candidate: candidate.macroF1, limit: limit,
            explanation: explanation + ")"
        )
    }

    /// Fails when the calibration error rises by more than the tolerance and
    /// by more than two calibrated models with these confidences differ on
    /// as many examples (``CalibrationNoise``).
    static func calibration(active: NLUTestResult, candidate: NLUTestResult, paired: Paired, settings: GateSettings) -> GateReport.Condition {
        guard paired.count > 0 else {
            return .init(name: "calibration", verdict: .notChecked, active: nil, candidate: nil, limit: nil, explanation: "no held-out examples")
        }
        let limit = active.ece + settings.maxCalibrationErrorIncrease
        let withinTolerance = candidate.ece <= limit + 1e-12
        let noise = withinTolerance ? 0 : CalibrationNoise().differenceQuantile(
            1 - settings.significanceLevel, active: paired.active.map(\.confidence), candidate: paired.candidate.map(\.confidence),
            bins: settings.calibrationBins
        )
        let passed = withinTolerance || candidate.ece - active.ece <= noise + 1e-12
        var explanation = String(
            format: "held-out expected calibration error %.3f against %.3f (may be at most %.3f higher",
            candidate.ece, active.ece, settings.maxCalibrationErrorIncrease
        )
        if !withinTolerance {
            explanation += String(
                format: "; calibrated models with these confidences differ by up to %.3f on %d examples (%.0f%%), so the rise is %@",
                noise, paired.count, (1 - settings.significanceLevel) * 100, passed ? "inside the sampling error" : "real"
            )
        }
        return .init(
            name: "calibration", verdict: passed ? .passed : .failed, active: active.ece, candidate: candidate.ece, limit: limit,
            explanation: explanation + ")"
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
