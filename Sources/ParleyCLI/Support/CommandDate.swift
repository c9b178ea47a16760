import Foundation
import ParleyAudit

/// Dates as officers and admins type them: a plain date (`2026-11-01`,
/// midnight UTC) or an RFC 3339 time (`2026-11-01T09:30:00Z`, fractions allowed).
enum CommandDate {
    /// Strict: a day that does not exist (2026-02-30), a leap second or a
    /// date before 1970 is nil (the audit export's reading of a period bound).
    static func parse(_ text: String) -> Date? {
        (try? AuditTime(periodBound: text))?.date
    }

    /// `2026-11-01T00:00:00Z`
    static func format(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    static func day(_ date: Date) -> String {
        String(format(date).prefix(10))
    }
}
