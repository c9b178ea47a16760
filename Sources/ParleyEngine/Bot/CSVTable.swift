import Foundation
import ParleyNLU

/// An RFC 4180 CSV file with a header row (parsed by ParleyNLU's `IntentCSV`):
/// quoted fields may hold commas, doubled quotes and line breaks. Rows
/// remember their line number for errors.
struct CSVTable {
    struct Row {
        let line: Int
        let fields: [String: String]

        subscript(_ column: String) -> String? {
            guard let value = fields[column]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
    }

    let file: String
    let header: [String]
    let rows: [Row]

    static func load(_ url: URL) throws(EngineError) -> CSVTable {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw .configuration(file: url.path, line: nil, key: nil, reason: "cannot be read (missing, unreadable or not UTF-8)")
        }
        return try parse(text, file: url.path)
    }

    static func parse(_ text: String, file: String) throws(EngineError) -> CSVTable {
        let records: [IntentCSV.Record]
        do { records = try IntentCSV.records(text, source: file) } catch {
            if case let .invalidTrainingData(location, reason) = error {
                let line = location.split(separator: ":").last.flatMap { Int($0) }
                throw .configuration(file: file, line: line, key: nil, reason: reason)
            }
            throw .configuration(file: file, line: nil, key: nil, reason: error.description)
        }
        guard let headerRecord = records.first else {
            throw .configuration(file: file, line: 1, key: nil, reason: "empty file: a header row is required")
        }
        let header = headerRecord.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard Set(header).count == header.count else {
            throw .configuration(file: file, line: headerRecord.line, key: nil, reason: "the header names a column twice")
        }
        var rows: [Row] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.count else {
                throw .configuration(
                    file: file, line: record.line, key: nil,
                    reason: "expected \(header.count) fields, found \(record.fields.count)"
                )
            }
            rows.append(Row(line: record.line, fields: Dictionary(uniqueKeysWithValues: zip(header, record.fields))))
        }
        return CSVTable(file: file, header: header, rows: rows)
    }

    /// Throws unless every named column is in the header.
    func require(_ columns: [String]) throws(EngineError) {
        for column in columns where !header.contains(column) {
            throw .configuration(file: file, line: 1, key: column, reason: "required column is missing from the header")
        }
    }
}
