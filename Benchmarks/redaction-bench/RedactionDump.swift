import Foundation
import ParleyRedaction

/// `--redact-jsonl FILE`: the shipped redactor's output for each record's
/// "text" (the redacted text, and each span's type, scalar offsets, score and
/// detector), one JSON line per record, for diffing two builds' output.
struct RedactionDump {
    private struct Line: Encodable {
        let text: String
        let spans: [Span]
    }

    private struct Span: Encodable {
        let type: String
        let start: Int
        let end: Int
        let score: Double
        let detector: String
    }

    let redactor: Redactor

    func lines(jsonLines: [Substring]) throws -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try jsonLines.compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let text = object["text"] as? String
            else { return nil }
            let result = redactor.redact(text)
            let spans = result.spans.map {
                Span(type: $0.type.rawValue, start: $0.originalStart, end: $0.originalEnd, score: $0.score, detector: $0.detector)
            }
            return String(decoding: try encoder.encode(Line(text: result.redactedText, spans: spans)), as: UTF8.self)
        }
    }
}
