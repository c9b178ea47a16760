import Foundation
import ParleyNLU

/// BANKING77 has no out-of-scope class, so some intents are held out entirely
/// and play out-of-scope messages: the model never sees them. The threshold is
/// chosen on validation data (in-scope validation split + the held-out intents'
/// train.csv examples), then applied once to test.csv (in-scope test examples +
/// the held-out intents' test examples).
enum OutOfScopeBench {
    static let heldOutIntentCount = 10
    static let seed: UInt64 = 11

    static func run(data: BenchData, report: URL?) throws {
        var intents = Array(Set(data.train.map(\.intent))).sorted()
        var generator = SeededGenerator(seed: seed)
        intents.shuffle(using: &generator)
        let heldOut = Set(intents.prefix(heldOutIntentCount))
        say("pseudo out-of-scope intents (\(heldOut.count) of \(intents.count), never trained on): \(heldOut.sorted().joined(separator: ", "))")

        let inScopeTrain = data.train.filter { !heldOut.contains($0.intent) }
        let split = try StratifiedSplit.holdout(inScopeTrain, fraction: BenchData.validationFraction, seed: BenchData.validationSeed)
        let model = try NLUModel.train(on: NLUTrainingData(examples: split.training), validation: split.holdout, producer: "nlu-bench")
        let validationOOS = data.train.filter { heldOut.contains($0.intent) }

        for criterion in [OutOfScopeReport.Criterion.balanced, .outOfScopeRecall(atLeast: 0.8)] {
            let validation = NLUEvaluator.evaluate(model, on: split.holdout, outOfScope: validationOOS, criterion: criterion)
            guard let chosen = validation.outOfScope?.recommended else { continue }
            say("validation (\(split.holdout.count) in-scope + \(validationOOS.count) out-of-scope), criterion \(criterion): threshold \(String(format: "%.2f", chosen.threshold)) -> in-scope accuracy \(pct(chosen.inScopeAccuracy)), out-of-scope recall \(pct(chosen.outOfScopeRecall))")

            let test = try data.test()
            let testInScope = test.filter { !heldOut.contains($0.intent) }
            let testOOS = test.filter { heldOut.contains($0.intent) }
            let result = NLUEvaluator.evaluate(model, on: testInScope, outOfScope: testOOS, criterion: criterion)
            if let point = result.outOfScope?.curve.first(where: { abs($0.threshold - chosen.threshold) < 1e-9 }) {
                say("  test (\(testInScope.count) in-scope + \(testOOS.count) out-of-scope) at that threshold: in-scope accuracy \(pct(point.inScopeAccuracy)) (no threshold: \(pct(result.accuracy))), out-of-scope recall \(pct(point.outOfScopeRecall))")
            }
            if let report, case .balanced = criterion {
                // The report marks the threshold chosen on validation data, not the test optimum.
                let result = NLUEvaluator.evaluate(model, on: testInScope, outOfScope: testOOS, criterion: .fixed(chosen.threshold))
                let predictions = NLUEvaluator.predict(model.classifier, on: testInScope + testOOS.map { LabeledUtterance(text: $0.text, intent: NLUEvaluator.defaultOutOfScopeLabel) })
                try NLUReportWriter.write(result, predictions: predictions, to: report)
                say("  report with the test threshold curve written to \(report.path)")
            }
        }
    }
}
