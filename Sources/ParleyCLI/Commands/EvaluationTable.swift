import ArgumentParser
import Foundation
import ParleyRedaction

extension EvaluationScheme: ExpressibleByArgument {}

/// The text form of a redaction evaluation: per type, exact and overlap scores
/// side by side; the micro averages; the confusion between types.
struct EvaluationTable {
    let report: EvaluationReport

    func lines() -> [String] {
        var lines = ["records: \(report.records) (\(report.negativeRecords) without PII), scheme: \(report.scheme.rawValue)"]
        lines.append("                          exact                      overlap >= 50%")
        lines.append("type             support  precision recall  F1      precision recall  F1")
        let types = PIIEntityType.allCases.filter {
            let metrics = report.metrics(for: $0)
            return metrics.support > 0 || metrics.falsePositives > 0
        }
        for type in types {
            lines.append(row(type.rawValue, report.metrics(for: type), report.overlapMetrics(for: type)))
        }
        lines.append(row("MICRO", report.micro, report.overlapMicro))
        lines.append(row("MICRO (patterns)", report.patternMicro, report.patternOverlapMicro))
        lines.append("")
        lines.append("confusion (gold rows, predicted columns, overlap >= 50%; none: no span)")
        let names = Set(report.confusion.keys).union(report.confusion.values.flatMap(\.keys)).sorted {
            $0 == "none" ? false : $1 == "none" ? true : $0 < $1
        }
        lines.append(pad("gold \\ predicted", 18) + names.map { pad(abbreviation($0), 8) }.joined())
        for gold in names where report.confusion[gold] != nil {
            let counts = names.map { pad("\(report.confusion[gold]?[$0] ?? 0)", 8) }.joined()
            lines.append(pad(gold, 18) + counts)
        }
        return lines
    }

    private func row(_ name: String, _ exact: EntityMetrics, _ overlap: EntityMetrics) -> String {
        String(format: "%-16@ %7d  %9.4f %6.4f  %6.4f  %9.4f %6.4f  %6.4f", name as NSString, exact.support,
               exact.precision, exact.recall, exact.f1, overlap.precision, overlap.recall, overlap.f1)
    }

    private func abbreviation(_ name: String) -> String {
        String(name.prefix(7))
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
