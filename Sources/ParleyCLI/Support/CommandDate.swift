import Foundation

/// Dates as officers and admins type them: a plain date (`2026-11-01`,
/// midnight UTC) or an RFC 3339 time (`2026-11-01T09:30:00Z`, fractions allowed).
enum CommandDate {
    static func parse(_ text: String) -> Date? {
        if text.count == 10, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let parts = text.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
            let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
            guard let date = calendar.date(from: components), calendar.component(.day, from: date) == parts[2] else { return nil }
            return date
        }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// `2026-11-01T00:00:00Z`
    static func format(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    static func day(_ date: Date) -> String {
        String(format(date).prefix(10))
    }
}
