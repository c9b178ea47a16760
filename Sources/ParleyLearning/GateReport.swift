import Foundation

/// What the gate found, per condition and per intent, and why the candidate
/// passed or failed. Encodes to JSON with snake_case keys (stored in the
/// registry, printed by `parley learn --json`); no text of any example.
public struct GateReport: Sendable, Codable, Hashable {
    /// Scores of both models on one evaluation set.
    public struct SetScores: Sendable, Codable, Hashable {
        public var name: String
        public var n: Int
        public var active: Scores
        public var candidate: Scores
    }

    public struct Scores: Sendable, Codable, Hashable {
        public var accuracy: Double
        public var macroF1: Double
        public var ece: Double

        enum CodingKeys: String, CodingKey { case accuracy, macroF1 = "macro_f1", ece }
    }

    public enum Verdict: String, Sendable, Codable, Hashable {
        case passed, failed
        /// Nothing to judge it on (an empty set): it does not block.
        case notChecked = "not_checked"
    }

    /// One condition of ``GateSettings``.
    public struct Condition: Sendable, Codable, Hashable {
        public var name: String
        public var verdict: Verdict
        public var active: Double?
        public var candidate: Double?
        /// The bound the candidate's value had to respect.
        public var limit: Double?
        public var explanation: String
    }

    /// One intent on the held-out set (or on the bot's own examples).
    public struct IntentComparison: Sendable, Codable, Hashable {
        public var intent: String
        public var support: Int
        public var activeRecall: Double
        public var candidateRecall: Double
        public var activeF1: Double
        public var candidateF1: Double
        /// `not_checked` when the intent has fewer held-out examples than the recall condition needs.
        public var verdict: Verdict
        /// Examples of the intent the active model gets right and the candidate wrong, and the reverse.
        public var lost: Int?
        public var gained: Int?
        /// The chance of losing this many or more if the candidate were as good (``SignTest``).
        public var pValue: Double?
        /// What the candidate reads most of the lost examples as.
        public var nowPredictedAs: String?

        enum CodingKeys: String, CodingKey {
            case intent, support, verdict, lost, gained
            case activeRecall = "active_recall", candidateRecall = "candidate_recall"
            case activeF1 = "active_f1", candidateF1 = "candidate_f1"
            case pValue = "p_value", nowPredictedAs = "now_predicted_as"
        }
    }

    public var active: String
    public var candidate: String
    public var passed: Bool
    public var sets: [SetScores]
    public var conditions: [Condition]
    public var intents: [IntentComparison]
    /// Each intent on the bot's own training examples (absent from reports made before this check).
    public var botExamples: [IntentComparison]?
    /// Conversation tests that pass with the active model and fail with the candidate.
    public var conversationRegressions: [String]
    public var settings: Settings
    /// When it was judged (RFC 3339, so the stored report reads the same everywhere).
    public var evaluatedAt: String
    /// Seconds spent scoring both models.
    public var seconds: Double

    /// The settings the gate applied (so a stored report explains itself).
    public struct Settings: Sendable, Codable, Hashable {
        public var holdoutFraction: Double
        public var maxMacroF1Drop: Double
        public var maxIntentRecallDrop: Double
        public var minIntentSupport: Int
        public var maxCalibrationErrorIncrease: Double
        public var minRegressionAccuracy: Double
        public var significanceLevel: Double?

        init(_ settings: GateSettings) {
            holdoutFraction = settings.holdoutFraction
            maxMacroF1Drop = settings.maxMacroF1Drop
            maxIntentRecallDrop = settings.maxIntentRecallDrop
            minIntentSupport = settings.minIntentSupport
            maxCalibrationErrorIncrease = settings.maxCalibrationErrorIncrease
            minRegressionAccuracy = settings.minRegressionAccuracy
            significanceLevel = settings.significanceLevel
        }

        enum CodingKeys: String, CodingKey {
            case holdoutFraction = "holdout_fraction", maxMacroF1Drop = "max_macro_f1_drop", maxIntentRecallDrop = "max_intent_recall_drop"
            case minIntentSupport = "min_intent_support", maxCalibrationErrorIncrease = "max_calibration_error_increase"
            case minRegressionAccuracy = "min_regression_accuracy", significanceLevel = "significance_level"
        }
    }

    enum CodingKeys: String, CodingKey {
        case active, candidate, passed, sets, conditions, intents, settings, seconds
        case conversationRegressions = "conversation_regressions", evaluatedAt = "evaluated_at", botExamples = "bot_examples"
    }

    /// The conditions that failed, by name.
    public var failedConditions: [String] { conditions.filter { $0.verdict == .failed }.map(\.name) }

    /// The report as lines of text, for the command line.
    public func lines() -> [String] {
        var lines = ["gate: \(candidate) against \(active): \(passed ? "PASSED" : "FAILED")"]
        for set in sets {
            lines.append(String(
                format: "  %@ (n=%d): accuracy %.2f%% -> %.2f%%, macro-F1 %.2f%% -> %.2f%%, ECE %.3f -> %.3f",
                set.name, set.n, set.active.accuracy * 100, set.candidate.accuracy * 100,
                set.active.macroF1 * 100, set.candidate.macroF1 * 100, set.active.ece, set.candidate.ece
            ))
        }
        for condition in conditions {
            lines.append("  [\(condition.verdict.rawValue)] \(condition.name): \(condition.explanation)")
        }
        for intent in intents where intent.verdict == .failed {
            lines.append(String(
                format: "    intent %@ (n=%d): recall %.1f%% -> %.1f%%", intent.intent, intent.support,
                intent.activeRecall * 100, intent.candidateRecall * 100
            ))
        }
        for intent in botExamples ?? [] where intent.verdict == .failed {
            lines.append(String(
                format: "    bot examples of %@ (n=%d): recall %.1f%% -> %.1f%%%@", intent.intent, intent.support,
                intent.activeRecall * 100, intent.candidateRecall * 100,
                intent.nowPredictedAs.map { ", now read as \($0)" } ?? ""
            ))
        }
        for name in conversationRegressions { lines.append("    conversation test now failing: \(name)") }
        return lines
    }
}
