extension AuditTime {
    /// Parses a period bound as people type it (`parley audit export --from`):
    /// a plain date `YYYY-MM-DD`, meaning midnight UTC at its start, or an RFC
    /// 3339 time `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (`T` and `Z` in
    /// either case), taken to the millisecond, rounded down. The instant must
    /// lie between 1970 and 9999 (UTC); leap seconds are refused.
    public init(periodBound text: some StringProtocol) throws(AuditError) {
        let bytes = Array(text.utf8)
        var reader = Reader(bytes: bytes)
        let year = try reader.digits(4)
        try reader.expect("-")
        let month = try reader.digits(2)
        try reader.expect("-")
        let day = try reader.digits(2)
        guard year >= 1970, (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else {
            throw .invalidTime
        }
        var milliseconds = Self.days(fromCivil: year, month, day) * 86_400_000
        if !reader.atEnd {
            guard reader.take("T") || reader.take("t") else { throw .invalidTime }
            let hour = try reader.digits(2)
            try reader.expect(":")
            let minute = try reader.digits(2)
            try reader.expect(":")
            let second = try reader.digits(2)
            guard hour < 24, minute < 60, second < 60 else { throw .invalidTime }
            var fraction: Int64 = 0
            if reader.take(".") {
                let digits = try reader.digitRun()
                for (index, digit) in digits.prefix(3).enumerated() {
                    fraction += Int64(digit) * [100, 10, 1][index]
                }
            }
            var offsetMinutes: Int64 = 0
            if !(reader.take("Z") || reader.take("z")) {
                let sign: Int64 = reader.take("+") ? 1 : (reader.take("-") ? -1 : 0)
                guard sign != 0 else { throw .invalidTime }
                let offsetHour = try reader.digits(2)
                try reader.expect(":")
                let offsetMinute = try reader.digits(2)
                guard offsetHour < 24, offsetMinute < 60 else { throw .invalidTime }
                offsetMinutes = sign * (offsetHour * 60 + offsetMinute)
            }
            guard reader.atEnd else { throw .invalidTime }
            milliseconds += ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + fraction
        }
        guard milliseconds >= 0 else { throw .invalidTime }
        try self.init(millisecondsSince1970: UInt64(milliseconds))
    }

    /// A cursor over ASCII bytes.
    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        mutating func expect(_ character: Unicode.Scalar) throws(AuditError) {
            guard take(character) else { throw .invalidTime }
        }

        /// Exactly `count` decimal digits.
        mutating func digits(_ count: Int) throws(AuditError) -> Int64 {
            guard index + count <= bytes.count else { throw .invalidTime }
            var value: Int64 = 0
            for byte in bytes[index..<(index + count)] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { throw .invalidTime }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            index += count
            return value
        }

        /// One or more decimal digits, as their values.
        mutating func digitRun() throws(AuditError) -> [UInt8] {
            var run = [UInt8]()
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                run.append(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            guard !run.isEmpty else { throw .invalidTime }
            return run
        }
    }
}
