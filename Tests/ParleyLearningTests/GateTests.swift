import Foundation
import ParleyLearning
import ParleyNLU
import ParleyStore
import Testing

/// The gate on models whose answers the tests choose: each condition passes,
/// fails, or is not checked for the stated reason.
@Suite struct GateTests {
    /// A model that answers from a table (text → intent, confidence), else the gold-free fallback `other`.
    static func model(_ version: String, _ answers: [String: (String, Double)]) -> GatedModel {
        GatedModel(version: version) { text in
            let (intent, confidence) = answers[text] ?? ("other", 0.5)
            return IntentRanking(scores: [IntentScore(name: intent, confidence: confidence), IntentScore(name: "zzz", confidence: min(1 - confidence, confidence / 2))])
        }
    }

    static func set(holdout: [(String, String)], training: [(String, String)] = []) -> TrainingSet {
        var settings = GateSettings()
        settings.holdoutFraction = 0
        var set = TrainingSet.build(bot: NLUTrainingData(), intents: [], labels: [], settings: settings)
        set.botHoldout = holdout.map { LabeledUtterance(text: $0.0, intent: $0.1) }
        set.trainingLabels = training.enumerated().map { TrainingSetTests.label($1.0, $1.1, id: Int64($0 + 1)) }
        return set
    }

    static let holdout: [(String, String)] = (0..<12).map { ("a\($0)", "alpha") } + (0..<12).map { ("b\($0)", "beta") }

    static func answers(alphaRight: Int, betaRight: Int, confidence: Double = 0.9) -> [String: (String, Double)] {
        var answers: [String: (String, Double)] = [:]
        for index in 0..<12 {
            answers["a\(index)"] = index < alphaRight ? ("alpha", confidence) : ("beta", confidence)
            answers["b\(index)"] = index < betaRight ? ("beta", confidence) : ("alpha", confidence)
        }
        return answers
    }

    @Test func anEquallyGoodCandidatePassesEveryCondition() {
        let answers = Self.answers(alphaRight: 11, betaRight: 11)
        let report = Gate.evaluate(
            active: Self.model("v1", answers), candidate: Self.model("v2", answers), trainingSet: Self.set(holdout: Self.holdout),
            fallbackThreshold: 0.4, settings: GateSettings()
        )
        #expect(report.passed)
        #expect(report.conditions.first { $0.name == "macro_f1" }?.verdict == .passed)
        #expect(report.conditions.first { $0.name == "intent_recall" }?.verdict == .passed)
        #expect(report.conditions.first { $0.name == "regression" }?.verdict == .notChecked)
        #expect(report.conditions.first { $0.name == "conversations" }?.verdict == .notChecked)
    }

    @Test func aCandidateThatLosesOneIntentFailsAndTheReportNamesIt() {
        let report = Gate.evaluate(
            active: Self.model("v1", Self.answers(alphaRight: 12, betaRight: 12)),
            candidate: Self.model("v2", Self.answers(alphaRight: 12, betaRight: 9)),
            trainingSet: Self.set(holdout: Self.holdout), fallbackThreshold: 0.4, settings: GateSettings()
        )
        #expect(!report.passed)
        #expect(report.failedConditions.contains("macro_f1"))
        #expect(report.failedConditions.contains("intent_recall"))
        let beta = report.intents.first { $0.intent == "beta" }
        #expect(beta?.verdict == .failed)
        #expect(beta?.activeRecall == 1)
        #expect(beta?.candidateRecall == 0.75)
        #expect(report.intents.first { $0.intent == "alpha" }?.verdict == .passed)
        #expect(report.lines().contains { $0.contains("intent beta") })
    }

    @Test func intentsWithTooFewHeldOutExamplesAreNotJudgedOnRecall() {
        var settings = GateSettings()
        settings.minIntentSupport = 20
        settings.maxMacroF1Drop = 1
        let report = Gate.evaluate(
            active: Self.model("v1", Self.answers(alphaRight: 12, betaRight: 12)),
            candidate: Self.model("v2", Self.answers(alphaRight: 12, betaRight: 6)),
            trainingSet: Self.set(holdout: Self.holdout), fallbackThreshold: 0.4, settings: settings
        )
        #expect(report.conditions.first { $0.name == "intent_recall" }?.verdict == .notChecked)
        #expect(report.intents.allSatisfy { $0.verdict == .notChecked })
    }

    @Test func worseCalibrationBeyondTheToleranceFails() {
        // Same answers, but the candidate is sure of its mistakes.
        let report = Gate.evaluate(
            active: Self.model("v1", Self.answers(alphaRight: 9, betaRight: 9, confidence: 0.75)),
            candidate: Self.model("v2", Self.answers(alphaRight: 9, betaRight: 9, confidence: 0.99)),
            trainingSet: Self.set(holdout: Self.holdout), fallbackThreshold: 0.4, settings: GateSettings()
        )
        #expect(report.failedConditions == ["calibration"])
    }

    @Test func theRegressionSetIsTheLabelsTheActiveModelGetsRight() {
        let training = (0..<20).map { ("t\($0)", "alpha") }
        var active: [String: (String, Double)] = Self.answers(alphaRight: 12, betaRight: 12)
        var candidate = active
        for index in 0..<20 { active["t\(index)"] = index < 10 ? ("alpha", 0.9) : ("beta", 0.9) }
        for index in 0..<20 { candidate["t\(index)"] = index < 8 ? ("alpha", 0.9) : ("beta", 0.9) }
        let report = Gate.evaluate(
            active: Self.model("v1", active), candidate: Self.model("v2", candidate),
            trainingSet: Self.set(holdout: Self.holdout, training: training), fallbackThreshold: 0.4, settings: GateSettings()
        )
        let regression = report.conditions.first { $0.name == "regression" }
        #expect(report.sets.first { $0.name == "regression" }?.n == 10)
        #expect(regression?.verdict == .failed)
        #expect(regression?.candidate == 0.8)
    }

    @Test func aConversationTestThatOnlyTheActiveModelPassesFailsTheGate() {
        let tests = [
            ConversationTest(name: "greeting", steps: [.init(text: "a0", intent: "alpha"), .init(text: "b0", intent: "beta")]),
            ConversationTest(name: "never passed", steps: [.init(text: "zz", intent: "alpha")]),
        ]
        var candidate = Self.answers(alphaRight: 12, betaRight: 12)
        candidate["b0"] = ("beta", 0.3)  // right intent, below the fallback threshold
        let report = Gate.evaluate(
            active: Self.model("v1", Self.answers(alphaRight: 12, betaRight: 12)), candidate: Self.model("v2", candidate),
            trainingSet: Self.set(holdout: Self.holdout), conversations: tests, fallbackThreshold: 0.4,
            settings: { var settings = GateSettings(); settings.maxCalibrationErrorIncrease = 1; return settings }()
        )
        #expect(report.conversationRegressions == ["greeting"])
        #expect(report.failedConditions == ["conversations"])
    }

    @Test func theReportRoundTripsThroughJSONWithSnakeCaseKeys() throws {
        let answers = Self.answers(alphaRight: 10, betaRight: 12)
        let report = Gate.evaluate(
            active: Self.model("v1", answers), candidate: Self.model("v2", answers), trainingSet: Self.set(holdout: Self.holdout),
            fallbackThreshold: 0.4, settings: GateSettings()
        )
        let data = try JSONEncoder().encode(report)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"macro_f1\""))
        #expect(text.contains("\"candidate_recall\""))
        #expect(try JSONDecoder().decode(GateReport.self, from: data) == report)
    }
}
