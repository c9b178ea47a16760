import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ParleyNLU

@Suite("Report files")
struct ReportWriterTests {
    @Test func writesEveryFileWithTheExpectedShape() throws {
        let model = try TestData.model()
        let examples = TestData.examples + [LabeledUtterance(text: "sing me a song", intent: "out_of_scope")]
        let result = NLUEvaluator.evaluate(model, on: examples)
        let predictions = NLUEvaluator.predict(model.classifier, on: examples)
        let directory = TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let written = try NLUReportWriter.write(result, predictions: predictions, to: directory)

        let names = Set(written.map(\.lastPathComponent))
        #expect(names == [
            "summary.json", "intent_report.csv", "intent_report.json", "confusion_matrix.csv", "confusion_matrix.svg",
            "confused_pairs.csv", "errors.jsonl", "confidence_histogram.svg", "reliability_diagram.svg", "calibration.csv",
            "threshold_curve.csv", "threshold_curve.json", "threshold_curve.svg",
        ])
        func read(_ name: String) throws -> String { try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) }
        func lines(_ name: String) throws -> [String] { try read(name).split(separator: "\n").map(String.init) }

        #expect(try lines("intent_report.csv").first == "intent,precision,recall,f1,support")
        #expect(try lines("intent_report.csv").count == 1 + 4)
        #expect(try lines("confusion_matrix.csv").first == "gold\\predicted," + result.confusion.labels.joined(separator: ","))
        #expect(try lines("confused_pairs.csv").first == "intent,predicted,count,share_of_intent")
        #expect(try lines("calibration.csv").count == 1 + CalibrationReport.defaultBinCount)
        #expect(try lines("threshold_curve.csv").first == "threshold,in_scope_accuracy,in_scope_acceptance,out_of_scope_recall,out_of_scope_precision")
        #expect(try lines("threshold_curve.csv").count == 1 + 101)

        let summary = try JSONSerialization.jsonObject(with: Data(read("summary.json").utf8)) as? [String: Any] ?? [:]
        #expect(Set(summary.keys).isSuperset(of: ["accuracy", "macro_f1", "n", "per_intent", "ece", "calibration", "out_of_scope"]))
        let intentReport = try JSONSerialization.jsonObject(with: Data(read("intent_report.json").utf8)) as? [String: Any] ?? [:]
        #expect((intentReport["per_intent"] as? [String: Any])?.count == 4)
        for line in try lines("errors.jsonl") {
            let error = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            #expect(Set(error.keys).isSuperset(of: ["text", "intent", "predicted", "confidence", "ranking"]))
        }
        for name in names where name.hasSuffix(".svg") {
            let parser = XMLParser(data: Data(try read(name).utf8))
            #expect(parser.parse(), "\(name) is not well-formed XML")
            #expect(try read(name).contains("<svg"))
        }
        #expect(try read("reliability_diagram.svg").contains("ECE"))
    }

    @Test func escapesMarkupInLabelsAndTexts() throws {
        let predictions = [
            IntentPrediction(text: "a <b> & \"c\"", intent: "x<y", predicted: "x&y", confidence: 0.5),
            IntentPrediction(text: "ok", intent: "x&y", predicted: "x&y", confidence: 0.9),
        ]
        let directory = TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try NLUReportWriter.write(NLUEvaluator.score(predictions), predictions: predictions, to: directory)
        let svg = try Data(contentsOf: directory.appendingPathComponent("confusion_matrix.svg"))
        #expect(XMLParser(data: svg).parse())
    }

    @Test func unwritableDirectoryIsAnError() {
        let result = NLUEvaluator.score([EvaluationTests.prediction("a", "a", 1)])
        #expect(throws: NLUError.self) {
            try NLUReportWriter.write(result, predictions: [], to: URL(fileURLWithPath: "/proc/parley-cannot-write-here"))
        }
    }
}

@Suite("Cross-validation and splits")
struct CrossValidationTests {
    @Test func stratifiedFoldsSpreadEveryIntentEvenly() throws {
        let examples = TestData.examples
        let folds = try StratifiedSplit.foldAssignment(examples, folds: 3, seed: 1)
        for intent in Set(examples.map(\.intent)) {
            let counts = (0..<3).map { fold in zip(examples, folds).filter { $0.0.intent == intent && $0.1 == fold }.count }
            #expect(counts.max()! - counts.min()! <= 1)
        }
        #expect(try StratifiedSplit.foldAssignment(examples.reversed(), folds: 3, seed: 1).reversed() == folds)
    }

    @Test func holdoutKeepsEveryIntentOnBothSides() throws {
        let (training, holdout) = try StratifiedSplit.holdout(TestData.examples, fraction: 0.25, seed: 9)
        #expect(holdout.count == 12)
        #expect(Set(holdout.map(\.intent)) == Set(training.map(\.intent)))
        #expect(Set(training).isDisjoint(with: Set(holdout)))
    }

    @Test func crossValidationReturnsMeanAndDeviationPerMetric() throws {
        let report = try CrossValidation.run(on: TestData.trainingData, folds: 3, hyperParameters: TestData.hyperParameters(), seed: 5)
        #expect(report.folds.count == 3)
        #expect(report.predictions.count == TestData.examples.count)
        #expect(report.accuracy.mean > 0.5)
        #expect(report.accuracy.std >= 0)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any] ?? [:]
        #expect(Set(json.keys) == ["folds", "accuracy", "macro_f1", "weighted_f1", "ece", "seed"])
        #expect(throws: NLUError.self) { try CrossValidation.run(on: TestData.trainingData, folds: 1) }
    }
}
