import ParleyRedaction

/// Lists corpus records where the redactor disagrees with the gold spans. Only
/// for the generated (synthetic) corpus: it prints the text.
struct ErrorListing {
    let limit: Int

    func render(records: [CorpusRecord], redactor: Redactor) -> String {
        var lines: [String] = []
        for record in records where lines.count < limit {
            let predicted = redactor.detect(record.text)
            let gold = Set(record.spans.map { "\($0.type.rawValue) \($0.start)..<\($0.end)" })
            let found = Set(predicted.map { "\($0.type.rawValue) \($0.start)..<\($0.end)" })
            guard gold != found else { continue }
            let scalars = Array(record.text.unicodeScalars)
            func excerpt(_ start: Int, _ end: Int) -> String {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[max(0, start)..<min(scalars.count, end)])
                return String(view)
            }
            let missed = record.spans.filter { !found.contains("\($0.type.rawValue) \($0.start)..<\($0.end)") }
                .map { "\($0.type.rawValue) '\(excerpt($0.start, $0.end))'" }
            let extra = predicted.filter { !gold.contains("\($0.type.rawValue) \($0.start)..<\($0.end)") }
                .map { "\($0.type.rawValue) '\(excerpt($0.start, $0.end))' \(String(format2: $0.score))" }
            lines.append("\(record.text)\n    missed: \(missed)\n    extra: \(extra)")
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    init(format2 value: Double) {
        self = "\(Double(Int(value * 100)) / 100)"
    }
}
