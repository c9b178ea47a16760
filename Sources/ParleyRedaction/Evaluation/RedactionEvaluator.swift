import Foundation

/// Scores a `Redactor` against a labelled corpus, per entity type: exact
/// type-and-span matches, and (side by side) matches of the same type that
/// share at least half of the longer span; partial overlaps and type
/// confusions are counted apart, and a confusion table between types is kept.
public struct RedactionEvaluator: Sendable {
    public let redactor: Redactor

    public init(redactor: Redactor) {
        self.redactor = redactor
    }

    /// Evaluates JSONL lines; blank lines are skipped.
    /// - Throws: `RedactionError.invalidCorpusLine` naming the 1-based line.
    public func evaluate<S: Sequence>(jsonLines: S, scheme: EvaluationScheme? = nil) throws(RedactionError) -> EvaluationReport
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
        return evaluate(records: records, scheme: scheme)
    }

    /// Evaluates decoded records under `scheme` (by default detected from the
    /// gold types: `EvaluationScheme.detect`).
    public func evaluate(records: [CorpusRecord], scheme: EvaluationScheme? = nil) -> EvaluationReport {
        let scheme = scheme ?? EvaluationScheme.detect(records)
        var exact: [PIIEntityType: EntityMetrics] = [:]
        var overlap: [PIIEntityType: EntityMetrics] = [:]
        var confusion: [String: [String: Int]] = [:]
        var negatives = 0
        for record in records {
            if record.spans.isEmpty { negatives += 1 }
            let predicted = redactor.detect(record.text).map {
                CorpusSpan(type: scheme.map($0.type), start: $0.start, end: $0.end)
            }
            let gold = record.spans.map { CorpusSpan(type: scheme.map($0.type), start: $0.start, end: $0.end) }
            Self.scoreExact(predicted: predicted, gold: gold, into: &exact)
            Self.scoreOverlap(predicted: predicted, gold: gold, into: &overlap)
            Self.confuse(predicted: predicted, gold: gold, into: &confusion)
        }
        func micro(_ metrics: [PIIEntityType: EntityMetrics], _ types: Set<PIIEntityType>?) -> EntityMetrics {
            metrics.filter { types?.contains($0.key) ?? true }.values.reduce(EntityMetrics(), +)
        }
        return EvaluationReport(
            records: records.count, negativeRecords: negatives, perType: exact, micro: micro(exact, nil), scheme: scheme,
            overlapPerType: overlap, overlapMicro: micro(overlap, nil),
            patternMicro: micro(exact, EvaluationScheme.patternTypes),
            patternOverlapMicro: micro(overlap, EvaluationScheme.patternTypes), confusion: confusion)
    }

    /// True when `a` and `b` share at least half of the longer one.
    static func overlapsEnough(_ a: CorpusSpan, _ b: CorpusSpan) -> Bool {
        let shared = min(a.end, b.end) - max(a.start, b.start)
        return shared > 0 && 2 * shared >= max(a.end - a.start, b.end - b.start)
    }

    private static func scoreExact(predicted: [CorpusSpan], gold: [CorpusSpan], into perType: inout [PIIEntityType: EntityMetrics]) {
        var matchedGold = Set<Int>()
        for prediction in predicted {
            if let index = gold.indices.first(where: { !matchedGold.contains($0) && gold[$0] == prediction }) {
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

    /// One-to-one matching of same-type spans that overlap by half the longer one.
    private static func scoreOverlap(predicted: [CorpusSpan], gold: [CorpusSpan], into perType: inout [PIIEntityType: EntityMetrics]) {
        var matchedGold = Set<Int>()
        for prediction in predicted {
            if let index = gold.indices.first(where: {
                !matchedGold.contains($0) && gold[$0].type == prediction.type && overlapsEnough(gold[$0], prediction)
            }) {
                matchedGold.insert(index)
                perType[prediction.type, default: EntityMetrics()].truePositives += 1
                if gold[index] != prediction { perType[prediction.type, default: EntityMetrics()].partialOverlaps += 1 }
                continue
            }
            perType[prediction.type, default: EntityMetrics()].falsePositives += 1
            if gold.contains(where: { $0.type != prediction.type && overlapsEnough($0, prediction) }) {
                perType[prediction.type, default: EntityMetrics()].typeConfusions += 1
            }
        }
        for (index, span) in gold.enumerated() where !matchedGold.contains(index) {
            perType[span.type, default: EntityMetrics()].falseNegatives += 1
        }
    }

    private static func confuse(predicted: [CorpusSpan], gold: [CorpusSpan], into confusion: inout [String: [String: Int]]) {
        for span in gold {
            let best = predicted.filter { overlapsEnough($0, span) }.max {
                (min($0.end, span.end) - max($0.start, span.start)) < (min($1.end, span.end) - max($1.start, span.start))
            }
            confusion[span.type.rawValue, default: [:]][best?.type.rawValue ?? "none", default: 0] += 1
        }
        for prediction in predicted where !gold.contains(where: { overlapsEnough($0, prediction) }) {
            confusion["none", default: [:]][prediction.type.rawValue, default: 0] += 1
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
