import Foundation

/// A UTC instant with millisecond precision, between 1970-01-01 and 9999-12-31.
///
/// Its only text form is RFC 3339 with exactly three fraction digits and `Z`
/// (`2025-03-14T09:26:53.589Z`); parsing accepts nothing else, so a time has
/// one spelling and one canonical value (milliseconds since the Unix epoch).
/// Conversion is pure integer arithmetic, independent of locale and calendar.
public struct AuditTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00.000Z.
    public let millisecondsSince1970: UInt64

    /// 9999-12-31T23:59:59.999Z.
    public static let maximumMilliseconds: UInt64 = 253_402_300_799_999

    public init(millisecondsSince1970: UInt64) throws(AuditError) {
        guard millisecondsSince1970 <= Self.maximumMilliseconds else { throw .invalidTime }
        self.millisecondsSince1970 = millisecondsSince1970
    }

    /// The instant of `date`, rounded down to the millisecond.
    public init(_ date: Date) throws(AuditError) {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded(.down)
        guard milliseconds >= 0, milliseconds <= Double(Self.maximumMilliseconds) else { throw .invalidTime }
        try self.init(millisecondsSince1970: UInt64(milliseconds))
    }

    /// The current instant.
    public static func now() throws(AuditError) -> AuditTime {
        try AuditTime(Date())
    }

    public var date: Date {
        Date(timeIntervalSince1970: Double(millisecondsSince1970) / 1000)
    }

    public static func < (lhs: AuditTime, rhs: AuditTime) -> Bool {
        lhs.millisecondsSince1970 < rhs.millisecondsSince1970
    }

    public var description: String { rfc3339 }

    // MARK: - Text form

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    public var rfc3339: String {
        let milliseconds = Int64(millisecondsSince1970)
        let days = milliseconds / 86_400_000
        var rest = milliseconds % 86_400_000
        let (year, month, day) = Self.civil(fromDays: days)
        let hour = rest / 3_600_000
        rest %= 3_600_000
        let minute = rest / 60000
        rest %= 60000
        let second = rest / 1000
        let milli = rest % 1000
        var out = [UInt8]()
        out.reserveCapacity(24)
        func digits(_ value: Int64, _ width: Int) {
            var divisor: Int64 = 1
            for _ in 1..<width { divisor *= 10 }
            var remaining = value
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(remaining / divisor))
                remaining %= divisor
                divisor /= 10
            }
        }
        digits(year, 4); out.append(UInt8(ascii: "-"))
        digits(month, 2); out.append(UInt8(ascii: "-"))
        digits(day, 2); out.append(UInt8(ascii: "T"))
        digits(hour, 2); out.append(UInt8(ascii: ":"))
        digits(minute, 2); out.append(UInt8(ascii: ":"))
        digits(second, 2); out.append(UInt8(ascii: "."))
        digits(milli, 3); out.append(UInt8(ascii: "Z"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses exactly `YYYY-MM-DDTHH:MM:SS.mmmZ` (24 ASCII characters, a real
    /// calendar date, no leap second, year 1970–9999).
    public init(rfc3339 text: some StringProtocol) throws(AuditError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 24 else { throw .invalidTime }
        let separators: [(Int, Character)] = [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "."), (23, "Z")]
        for (index, character) in separators where bytes[index] != character.asciiValue {
            throw .invalidTime
        }
        func number(_ start: Int, _ count: Int) throws(AuditError) -> Int64 {
            var value: Int64 = 0
            for byte in bytes[start..<(start + count)] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { throw .invalidTime }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            return value
        }
        let year = try number(0, 4), month = try number(5, 2), day = try number(8, 2)
        let hour = try number(11, 2), minute = try number(14, 2), second = try number(17, 2)
        let milli = try number(20, 3)
        guard year >= 1970, (1...12).contains(month), day >= 1,
              day <= Self.daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60
        else { throw .invalidTime }
        let days = Self.days(fromCivil: year, month, day)
        let total = ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + milli
        try self.init(millisecondsSince1970: UInt64(total))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        try self.init(rfc3339: container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rfc3339)
    }

    // MARK: - Civil calendar (proleptic Gregorian; H. Hinnant's algorithms)

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (era * 400 + yearOfEra + (month <= 2 ? 1 : 0), month, day)
    }
}
