import Foundation
import ParleyRedaction

/// Renders the bench results as plain-text tables or JSON.
struct BenchReport: Codable {
    let sentences: Int
    let seed: UInt64
    let corpusBytes: Int
    let evaluation: EvaluationReport
    /// Scores on sentences from the held-out templates (never tuned on).
    let heldOut: EvaluationReport
    /// Scores on sentences from the fresh templates (a second independent held-out set).
    let fresh: EvaluationReport
    /// Scores on the dev set (`--dev FILE`, coarse labels; tuned on, so not a measure of unseen text).
    let dev: EvaluationReport?
    let throughput: [ThroughputBenchmark.Result]
    let pathological: [PathologicalBenchmark.Result]
    /// CPU milliseconds of the first `Redactor()` of the process (it decodes the
    /// embedded word lists and tagger weights) and of a second one.
    let firstRedactorMilliseconds: Double
    let secondRedactorMilliseconds: Double

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    func text() -> String {
        var lines: [String] = []
        lines.append("corpus: \(sentences) sentences (seed \(seed)), \(corpusBytes) bytes, "
            + "\(evaluation.negativeRecords) without any PII")
        lines.append(contentsOf: table(evaluation))
        lines.append("held-out templates: \(heldOut.records) sentences, \(heldOut.negativeRecords) without any PII")
        lines.append(contentsOf: table(heldOut))
        lines.append("fresh templates: \(fresh.records) sentences, \(fresh.negativeRecords) without any PII")
        lines.append(contentsOf: table(fresh))
        if let dev {
            lines.append("dev set (tuned on): \(dev.records) sentences, scheme \(dev.scheme.rawValue)")
            lines.append(contentsOf: table(dev))
        }
        let baseline = throughput.first { $0.name.contains("byte loop") }?.megabytesPerCPUSecond ?? 1
        let lowercase = throughput.first { $0.name.contains("lowercased") }?.megabytesPerCPUSecond ?? 1
        lines.append(pad("throughput (one thread)", 40) + "MB/CPU-s   MB/wall-s   vs byte loop   vs lowercased()")
        for result in throughput {
            lines.append(pad(result.name, 40) + String(format: "%8.2f   %9.2f   %11.4f×   %14.3f×",
                result.megabytesPerCPUSecond, result.megabytesPerSecond,
                result.megabytesPerCPUSecond / baseline, result.megabytesPerCPUSecond / lowercase))
        }
        lines.append("")
        lines.append(String(format: "first use (CPU): first Redactor() %.2f ms (decodes the word lists and weights), second %.2f ms",
            firstRedactorMilliseconds, secondRedactorMilliseconds))
        lines.append("")
        lines.append("pathological inputs (100 KB each, Redactor.redact, best of \(PathologicalBenchmark.repeats)):        wall        CPU")
        for result in pathological {
            lines.append("  " + pad(result.name, 28) + String(format: "%8.2f ms %8.2f ms  %6d spans", result.milliseconds, result.cpuMilliseconds, result.spans))
        }
        return lines.joined(separator: "\n")
    }

    private func table(_ report: EvaluationReport) -> [String] {
        var lines = [""]
        lines.append(pad("type", 16) + pad("gold", 7) + pad("TP", 7) + pad("FP", 6) + pad("FN", 6)
            + pad("partial", 9) + pad("confused", 10) + pad("precision", 11) + pad("recall", 9) + "F1")
        for type in PIIEntityType.allCases where report.metrics(for: type).support > 0 || report.metrics(for: type).falsePositives > 0 {
            lines.append(row(type.rawValue, report.metrics(for: type)))
        }
        lines.append(row("MICRO", report.micro))
        lines.append(row("MICRO patterns", report.patternMicro))
        lines.append(row("MICRO ≥50% ovl", report.overlapMicro))
        lines.append(row("PAT. ≥50% ovl", report.patternOverlapMicro))
        for type in [PIIEntityType.person, .location, .date, .phone] where report.overlapMetrics(for: type).support > 0 {
            lines.append(row(type.rawValue + " ≥50%", report.overlapMetrics(for: type)))
        }
        lines.append("")
        return lines
    }

    private func row(_ name: String, _ metrics: EntityMetrics) -> String {
        pad(name, 16) + pad("\(metrics.support)", 7) + pad("\(metrics.truePositives)", 7)
            + pad("\(metrics.falsePositives)", 6) + pad("\(metrics.falseNegatives)", 6)
            + pad("\(metrics.partialOverlaps)", 9) + pad("\(metrics.typeConfusions)", 10)
            + pad(String(format: "%.4f", metrics.precision), 11) + pad(String(format: "%.4f", metrics.recall), 9)
            + String(format: "%.4f", metrics.f1)
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
