/// One line of a labelled evaluation corpus (JSONL):
/// `{"text": "...", "spans": [{"type": "EMAIL", "start": 10, "end": 27}]}`
/// with Unicode scalar offsets, `end` exclusive. Text without spans is a negative
/// example (near misses: bad checksums, order numbers, prices, delivery dates).
public struct CorpusRecord: Codable, Sendable, Hashable {
    public var text: String
    public var spans: [CorpusSpan]

    public init(text: String, spans: [CorpusSpan]) {
        self.text = text
        self.spans = spans
    }
}
