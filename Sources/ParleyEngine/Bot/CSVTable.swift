import Foundation

/// An RFC 4180 CSV file with a header row: quoted fields may hold commas,
/// doubled quotes and line breaks. Rows remember their line number for errors.
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
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        if pending == "\u{FEFF}" { pending = scalars.next() }  // byte order mark
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
            fields = []
        }
        while let scalar = pending {
            pending = scalars.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = scalars.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                inQuotes = true
            case ",":
                fields.append(field)
                field = ""
            case "\r" where pending == "\n":
                continue
            case "\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        guard !inQuotes else {
            throw .configuration(file: file, line: recordLine, key: nil, reason: "a quoted field is not closed")
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let headerRecord = records.first else {
            throw .configuration(file: file, line: 1, key: nil, reason: "empty file: a header row is required")
        }
        let header = headerRecord.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard Set(header).count == header.count else {
            throw .configuration(file: file, line: 1, key: nil, reason: "the header names a column twice")
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
