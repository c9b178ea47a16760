import Foundation

/// Writes the files of `parley test nlu --report DIR`:
///
/// | file | content |
/// |---|---|
/// | `summary.json` | the whole ``NLUTestResult`` (accuracy, macro-F1, ECE, …) |
/// | `intent_report.csv`, `intent_report.json` | precision, recall, F1, support per intent |
/// | `confusion_matrix.csv`, `confusion_matrix.svg` | gold × predicted counts; heat map |
/// | `confused_pairs.csv` | every off-diagonal pair, most frequent first |
/// | `errors.jsonl` | misclassified examples with confidences, most confident first |
/// | `confidence_histogram.svg` | confidences of right and wrong predictions |
/// | `reliability_diagram.svg`, `calibration.csv` | accuracy vs confidence per bin, ECE |
/// | `threshold_curve.csv`, `.json`, `.svg` | only with out-of-scope examples |
///
/// `errors.jsonl` holds the text of the examples: keep the report as private
/// as the data it was made from.
public enum NLUReportWriter {
    /// Writes the report into `directory` (created if missing) and returns the files written.
    @discardableResult
    public static func write(_ result: NLUTestResult, predictions: [IntentPrediction], to directory: URL) throws(NLUError) -> [URL] {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .reportNotWritten(path: directory.path, reason: "the directory could not be created")
        }
        let inScope = predictions.filter { $0.intent != (result.outOfScope?.outOfScopeLabel ?? NLUEvaluator.defaultOutOfScopeLabel) }
        var files: [(String, String)] = []
        files.append(("summary.json", try json(result)))
        files.append(("intent_report.csv", intentCSV(result)))
        files.append(("intent_report.json", try json(IntentReport(result))))
        files.append(("confusion_matrix.csv", confusionCSV(result.confusion)))
        files.append(("confusion_matrix.svg", ConfusionMatrixChart.svg(result.confusion)))
        files.append(("confused_pairs.csv", confusedPairsCSV(result.confusion)))
        files.append(("errors.jsonl", try errorsJSONL(inScope)))
        files.append(("confidence_histogram.svg", CalibrationCharts.histogram(confidences: inScope.map(\.confidence), correct: inScope.map(\.isCorrect))))
        files.append(("reliability_diagram.svg", CalibrationCharts.reliability(result.calibration)))
        files.append(("calibration.csv", calibrationCSV(result.calibration)))
        if let outOfScope = result.outOfScope {
            files.append(("threshold_curve.csv", thresholdCSV(outOfScope)))
            files.append(("threshold_curve.json", try json(outOfScope)))
            files.append(("threshold_curve.svg", ThresholdCurveChart.svg(outOfScope)))
        }
        var written: [URL] = []
        for (name, content) in files {
            let url = directory.appendingPathComponent(name)
            do { try Data(content.utf8).write(to: url, options: [.atomic]) } catch {
                throw .reportNotWritten(path: url.path, reason: "the file could not be written")
            }
            written.append(url)
        }
        return written
    }

    /// `intent_report.json`: per-intent scores plus the averages, in Rasa's spirit.
    struct IntentReport: Encodable {
        let result: NLUTestResult
        init(_ result: NLUTestResult) { self.result = result }

        private enum Keys: String, CodingKey {
            case perIntent = "per_intent", accuracy, macroF1 = "macro_f1", weightedF1 = "weighted_f1", n
            case macroPrecision = "macro_precision", macroRecall = "macro_recall"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(result.perIntent, forKey: .perIntent)
            try c.encode(result.accuracy, forKey: .accuracy)
            try c.encode(result.macroF1, forKey: .macroF1)
            try c.encode(result.weightedF1, forKey: .weightedF1)
            try c.encode(result.macroPrecision, forKey: .macroPrecision)
            try c.encode(result.macroRecall, forKey: .macroRecall)
            try c.encode(result.n, forKey: .n)
        }
    }

    static func json(_ value: some Encodable) throws(NLUError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do { return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n" } catch {
            throw .reportNotWritten(path: "(memory)", reason: "a result could not be encoded as JSON")
        }
    }

    static func intentCSV(_ result: NLUTestResult) -> String {
        var out = IntentCSV.formatRecord(["intent", "precision", "recall", "f1", "support"])
        for intent in result.perIntent.keys.sorted() {
            guard let m = result.perIntent[intent] else { continue }
            out += IntentCSV.formatRecord([intent, format(m.precision), format(m.recall), format(m.f1), String(m.support)])
        }
        return out
    }

    static func confusionCSV(_ confusion: NLUTestResult.ConfusionMatrix) -> String {
        var out = IntentCSV.formatRecord(["gold\\predicted"] + confusion.labels)
        for (label, row) in zip(confusion.labels, confusion.matrix) {
            out += IntentCSV.formatRecord([label] + row.map(String.init))
        }
        return out
    }

    static func confusedPairsCSV(_ confusion: NLUTestResult.ConfusionMatrix) -> String {
        var pairs: [(String, String, Int, Double)] = []
        for (row, gold) in confusion.labels.enumerated() {
            let support = confusion.matrix[row].reduce(0, +)
            for (column, predicted) in confusion.labels.enumerated() where row != column && confusion.matrix[row][column] > 0 {
                let count = confusion.matrix[row][column]
                pairs.append((gold, predicted, count, Double(count) / Double(max(support, 1))))
            }
        }
        pairs.sort { ($1.2, $0.0, $0.1) < ($0.2, $1.0, $1.1) }
        var out = IntentCSV.formatRecord(["intent", "predicted", "count", "share_of_intent"])
        for pair in pairs { out += IntentCSV.formatRecord([pair.0, pair.1, String(pair.2), format(pair.3)]) }
        return out
    }

    static func errorsJSONL(_ predictions: [IntentPrediction]) throws(NLUError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = ""
        let errors = predictions.filter { !$0.isCorrect }.sorted { ($1.confidence, $0.text) < ($0.confidence, $1.text) }
        for error in errors {
            do { out += String(decoding: try encoder.encode(error), as: UTF8.self) + "\n" } catch {
                throw .reportNotWritten(path: "errors.jsonl", reason: "a prediction could not be encoded")
            }
        }
        return out
    }

    static func calibrationCSV(_ report: CalibrationReport) -> String {
        var out = IntentCSV.formatRecord(["bin_lower", "bin_upper", "count", "accuracy", "mean_confidence"])
        for bin in report.bins {
            out += IntentCSV.formatRecord([format(bin.lower), format(bin.upper), String(bin.count), format(bin.accuracy), format(bin.meanConfidence)])
        }
        return out
    }

    static func thresholdCSV(_ report: OutOfScopeReport) -> String {
        var out = IntentCSV.formatRecord(["threshold", "in_scope_accuracy", "in_scope_acceptance", "out_of_scope_recall", "out_of_scope_precision"])
        for point in report.curve {
            out += IntentCSV.formatRecord([format(point.threshold), format(point.inScopeAccuracy), format(point.inScopeAcceptance), format(point.outOfScopeRecall), format(point.outOfScopePrecision)])
        }
        return out
    }

    static func format(_ value: Double) -> String { String(format: "%.4f", value) }
}
