import Foundation

/// Reads labelled utterances from CSV files in the shape of BANKING77 and most
/// intent data sets: a header row naming a `text` column and a label column
/// (`label`, `intent` or `category`), then one example a row.
///
/// Parsing follows RFC 4180: fields are separated by commas, records by CRLF or
/// LF; a field in double quotes may hold commas, line breaks and doubled
/// quotes (`""` for one `"`). A UTF-8 byte order mark is ignored, and so are
/// blank lines between records; a stray quote inside an unquoted field is kept
/// as text. Errors name the file and the line where the
/// record starts, never the text of an utterance.
public enum IntentCSV {
    /// Accepted names of the label column, in order of preference (case-insensitive).
    public static let labelColumns = ["label", "intent", "category"]

    /// `defaultLabel`, when given, labels every row of a file that has a
    /// `text` column but no label column (a file of out-of-scope messages).
    public static func read(from url: URL, defaultLabel: String? = nil) throws(NLUError) -> [LabeledUtterance] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .invalidTrainingData(location: url.path, reason: "the file could not be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalidTrainingData(location: url.path, reason: "the file is not UTF-8 text")
        }
        return try parse(text, source: url.path, defaultLabel: defaultLabel)
    }

    /// Parses CSV text with a header row into examples.
    public static func parse(_ text: String, source: String = "csv", defaultLabel: String? = nil) throws(NLUError) -> [LabeledUtterance] {
        let rows = try records(text, source: source)
        guard let header = rows.first else {
            throw .invalidTrainingData(location: source, reason: "the file is empty")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let textColumn = names.firstIndex(of: "text") else {
            throw .invalidTrainingData(location: "\(source):\(header.line)", reason: "the header has no 'text' column")
        }
        let labelColumn = labelColumns.lazy.compactMap({ names.firstIndex(of: $0) }).first
        guard labelColumn != nil || defaultLabel != nil else {
            throw .invalidTrainingData(
                location: "\(source):\(header.line)",
                reason: "the header has no label column (one of \(labelColumns.joined(separator: ", ")))"
            )
        }
        var examples: [LabeledUtterance] = []
        examples.reserveCapacity(rows.count - 1)
        for row in rows.dropFirst() {
            guard row.fields.count == names.count else {
                throw .invalidTrainingData(
                    location: "\(source):\(row.line)",
                    reason: "expected \(names.count) fields, found \(row.fields.count)"
                )
            }
            let label = labelColumn.map { row.fields[$0].trimmingCharacters(in: .whitespaces) } ?? defaultLabel ?? ""
            guard !label.isEmpty else {
                throw .invalidTrainingData(location: "\(source):\(row.line)", reason: "the label is empty")
            }
            examples.append(LabeledUtterance(text: row.fields[textColumn], intent: label))
        }
        return examples
    }

    /// One CSV record and the 1-based line on which it starts.
    public struct Record: Sendable, Hashable {
        public var fields: [String]
        public var line: Int
    }

    /// Splits RFC 4180 text into records of fields, without interpreting a header.
    public static func records(_ text: String, source: String = "csv") throws(NLUError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var recordHasContent = false
        let bytes = Array(text.utf8)
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            if recordHasContent || fields.count > 1 || !(fields.first ?? "").isEmpty {
                records.append(Record(fields: fields, line: recordLine))
            }
            fields.removeAll(keepingCapacity: true)
            recordHasContent = false
        }

        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                recordHasContent = true
                endField()
            case UInt8(ascii: "\r") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n"):
                index += 1
                endRecord()
                line += 1
                recordLine = line
            case UInt8(ascii: "\n"):
                endRecord()
                line += 1
                recordLine = line
            case UInt8(ascii: "\"") where !field.isEmpty:
                field.append(byte)  // a stray quote inside an unquoted field is kept literally, as most readers do
            case UInt8(ascii: "\""):
                guard !fieldWasQuoted else {
                    throw .invalidTrainingData(location: "\(source):\(line)", reason: "text after a closing quote")
                }
                inQuotes = true
                fieldWasQuoted = true
                recordHasContent = true
            default:
                guard !fieldWasQuoted else {
                    throw .invalidTrainingData(location: "\(source):\(line)", reason: "text after a closing quote")
                }
                field.append(byte)
            }
            index += 1
        }
        guard !inQuotes else {
            throw .invalidTrainingData(location: "\(source):\(recordLine)", reason: "a quoted field is not closed")
        }
        if !field.isEmpty || !fields.isEmpty || recordHasContent { endRecord() }
        return records
    }

    /// One CSV record with RFC 4180 quoting (a field is quoted when it holds a
    /// comma, quote, CR or LF), ending in a line feed.
    public static func formatRecord(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\n"
    }

    /// Decided and escaped on Unicode scalars, as the reader reads: a quote
    /// followed by a combining mark is one `Character` (`"\u{301}`), which a
    /// comparison or replacement of `Character`s passes over.
    static func quoted(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in field.unicodeScalars {
            out.append(scalar)
            if scalar == "\"" { out.append("\"") }
        }
        out.append("\"")
        return String(out)
    }
}
