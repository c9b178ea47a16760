import Foundation

/// A spreadsheet rendering of entries (no proofs): RFC 4180 CSV with CRLF
/// line ends and a header row
///
///     sequence,time,actor,role,action,target_kind,target_id,outcome,details
///
/// `details` is the entry's canonical JSON details object. A field is quoted
/// when it holds a comma, a double quote, CR or LF, or starts or ends with a
/// space; quotes inside are doubled. A field that starts with `=`, `+`, `-`,
/// `@`, a tab or CR gets a leading `'` so that spreadsheets do not run it as
/// a formula (OWASP CSV-injection advice). The CSV is for reading only: the
/// bundle, not the CSV, is what verifies.
public enum AuditCSV {
    public static let header = ["sequence", "time", "actor", "role", "action", "target_kind", "target_id", "outcome", "details"]

    public static func render(_ entries: some Sequence<AuditEntry>) -> String {
        var out = row(header)
        for entry in entries {
            var details = CanonicalJSON()
            details.beginObject()
            for (key, value) in entry.sortedDetails {
                details.key(key); details.string(value)
            }
            details.endObject()
            out += row([
                String(entry.sequence), entry.time.rfc3339, entry.actor.rawValue, entry.role.rawValue,
                entry.action, entry.target?.kind ?? "", entry.target?.id ?? "", entry.outcome.rawValue, details.text,
            ])
        }
        return out
    }

    /// One CSV field, neutralised and quoted as needed. Decided and escaped
    /// on Unicode scalars: a comma, quote or space followed by a combining
    /// mark is one `Character` (`,\u{301}`), which `Character` comparisons
    /// and replacements pass over.
    public static func field(_ value: String) -> String {
        var text = value.unicodeScalars
        if let first = text.first, "=+-@\t\r".unicodeScalars.contains(first) {
            text.insert("'", at: text.startIndex)
        }
        let needsQuotes = text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" })
            || text.first == " " || text.last == " "
        guard needsQuotes else { return String(text) }
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in text {
            out.append(scalar)
            if scalar == "\"" { out.append("\"") }
        }
        out.append("\"")
        return String(out)
    }

    private static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }
}
