import ParleyRedaction

/// Accumulates text and gold spans with Unicode scalar offsets.
struct RecordBuilder {
    private(set) var record = CorpusRecord(text: "", spans: [])
    private var scalars = 0

    mutating func appendText(_ text: String) {
        record.text += text
        scalars += text.unicodeScalars.count
    }

    mutating func appendValue(_ text: String, type: PIIEntityType) {
        let start = scalars
        appendText(text)
        record.spans.append(CorpusSpan(type: type, start: start, end: scalars))
    }
}
