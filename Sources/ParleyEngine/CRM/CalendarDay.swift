import Foundation

/// Calendar-day arithmetic in UTC, and the phrases customers read
/// ("today", "tomorrow", "Friday, 4 December").
public enum CalendarDay {
    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    // The bot speaks English; names are fixed rather than taken from the host's locale.
    private static let months = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// `YYYY-MM-DD`, an RFC 3339 timestamp, or `today`, `today+N`, `today-N`.
    public static func parse(_ text: String, relativeTo now: Date) -> Date? {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased()
        if value.hasPrefix("today") {
            let rest = value.dropFirst(5)
            let offset = rest.isEmpty ? 0 : Int(rest.hasPrefix("+") ? String(rest.dropFirst()) : String(rest))
            guard let offset else { return nil }
            return calendar.date(byAdding: .day, value: offset, to: calendar.startOfDay(for: now))
        }
        let parts = value.split(separator: "-")
        if parts.count == 3, parts.allSatisfy({ Int($0) != nil }), parts[0].count == 4 {
            let components = DateComponents(year: Int(parts[0]), month: Int(parts[1]), day: Int(parts[2]))
            guard let date = calendar.date(from: components),
                  calendar.component(.day, from: date) == components.day else { return nil }
            return date
        }
        return ISO8601DateFormatter().date(from: text.trimmingCharacters(in: .whitespaces))
    }

    /// Days from today (in UTC) to `date`'s day.
    public static func daysFromToday(_ date: Date, now: Date) -> Int {
        calendar.dateComponents([.day], from: calendar.startOfDay(for: now), to: calendar.startOfDay(for: date)).day ?? 0
    }

    /// "today", "tomorrow", "yesterday", a weekday within the coming week
    /// ("Friday, 4 December"), else "4 December 2026".
    public static func phrase(_ date: Date, now: Date) -> String {
        let days = daysFromToday(date, now: now)
        switch days {
        case 0: return "today"
        case 1: return "tomorrow"
        case -1: return "yesterday"
        default:
            let parts = calendar.dateComponents([.weekday, .day, .month, .year], from: date)
            let month = months[(parts.month ?? 1) - 1]
            if (2...6).contains(days) {
                let weekday = weekdays[(parts.weekday ?? 1) - 1]
                return "\(weekday), \(parts.day ?? 0) \(month)"
            }
            return "\(parts.day ?? 0) \(month) \(parts.year ?? 0)"
        }
    }
}
