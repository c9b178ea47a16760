import Foundation

/// Scores a `Redactor` against a labelled corpus: exact type-and-span matching
/// per entity type, with partial overlaps and type confusions reported apart.
public struct RedactionEvaluator: Sendable {
    public let redactor: Redactor

    public init(redactor: Redactor) {
        self.redactor = redactor
    }

    /// Evaluates JSONL lines; blank lines are skipped.
    /// - Throws: `RedactionError.invalidCorpusLine` naming the 1-based line.
    public func evaluate<S: Sequence>(jsonLines: S) throws(RedactionError) -> EvaluationReport
    where S.Element: StringProtocol {
        let decoder = JSONDecoder()
        var records: [CorpusRecord] = []
        for (offset, line) in jsonLines.enumerated() {
            if line.allSatisfy(\.isWhitespace) { continue }
            do {
                records.append(try decoder.decode(CorpusRecord.self, from: Data(line.utf8)))
            } catch {
                throw .invalidCorpusLine(line: offset + 1, reason: Self.reason(for: error))
            }
            let record = records[records.count - 1]
            let length = record.text.unicodeScalars.count
            for span in record.spans where span.start < 0 || span.end > length || span.start >= span.end {
                throw .invalidCorpusLine(line: offset + 1, reason: "span \(span.start)..<\(span.end) is outside the text")
            }
        }
        return evaluate(records: records)
    }

    /// Evaluates decoded records.
    public func evaluate(records: [CorpusRecord]) -> EvaluationReport {
        var perType: [PIIEntityType: EntityMetrics] = [:]
        var negatives = 0
        for record in records {
            if record.spans.isEmpty { negatives += 1 }
            let predicted = redactor.detect(record.text)
            score(predicted: predicted, gold: record.spans, into: &perType)
        }
        let micro = perType.values.reduce(EntityMetrics(), +)
        return EvaluationReport(records: records.count, negativeRecords: negatives, perType: perType, micro: micro)
    }

    private func score(predicted: [PIISpan], gold: [CorpusSpan], into perType: inout [PIIEntityType: EntityMetrics]) {
        var matchedGold = Set<Int>()
        for prediction in predicted {
            if let index = gold.firstIndex(where: {
                $0.type == prediction.type && $0.start == prediction.start && $0.end == prediction.end
            }) {
                matchedGold.insert(index)
                perType[prediction.type, default: EntityMetrics()].truePositives += 1
                continue
            }
            perType[prediction.type, default: EntityMetrics()].falsePositives += 1
            if gold.contains(where: { $0.type == prediction.type && $0.start < prediction.end && prediction.start < $0.end }) {
                perType[prediction.type, default: EntityMetrics()].partialOverlaps += 1
            } else if gold.contains(where: { $0.start == prediction.start && $0.end == prediction.end }) {
                perType[prediction.type, default: EntityMetrics()].typeConfusions += 1
            }
        }
        for (index, span) in gold.enumerated() where !matchedGold.contains(index) {
            perType[span.type, default: EntityMetrics()].falseNegatives += 1
        }
    }

    /// A reason that names the problem, never the line's content.
    private static func reason(for error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return "not valid JSON" }
        switch decodingError {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "not valid JSON"
        case .dataCorrupted(let context):
            return "invalid value at \(path(context.codingPath))"
        case .keyNotFound(let key, let context):
            return "missing key \(path(context.codingPath + [key]))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong kind of value at \(path(context.codingPath))"
        @unknown default:
            return "not a corpus record"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
