/// Parses one date at a position: numeric (`12/05/1990`, `1990-05-12`,
/// `12.05.90`) or written (`12 May 1990`, `12th of May, 1990`, `May 12th, 1990`).
/// Returns the end offset, or nil. Look-ahead is bounded.
enum DateParser {
    private static let months: [[UInt8]] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec",
    ].map { Array($0.utf8) }

    private static let of = Array("of ".utf8)

    static func parse(_ input: ScanInput, at start: Int) -> Int? {
        if input.byte(at: start).isASCIIDigit {
            return parseNumeric(input, at: start) ?? parseDayFirst(input, at: start)
        }
        return parseMonthFirst(input, at: start)
    }

    static func number(_ input: ScanInput, at start: Int, maxDigits: Int) -> (value: Int, end: Int)? {
        var index = start
        var value = 0
        while index < input.count, input[index].isASCIIDigit, index - start < maxDigits {
            value = value * 10 + input[index].digitValue
            index += 1
        }
        guard index > start, !input.byte(at: index).isASCIIDigit else { return nil }
        return (value, index)
    }

    private static func parseNumeric(_ input: ScanInput, at start: Int) -> Int? {
        guard let first = number(input, at: start, maxDigits: 4) else { return nil }
        let separator = input.byte(at: first.end)
        guard separator == 0x2F || separator == 0x2D || separator == 0x2E,
              let second = number(input, at: first.end + 1, maxDigits: 2),
              input.byte(at: second.end) == separator,
              let third = number(input, at: second.end + 1, maxDigits: 4)
        else { return nil }
        guard !input.byte(at: third.end).isASCIIAlnum,
              !(input.byte(at: third.end) == separator && input.byte(at: third.end + 1).isASCIIDigit)
        else { return nil }
        let firstDigits = first.end - start
        let thirdDigits = third.end - second.end - 1
        if firstDigits == 4 {
            return isYear(first.value) && (1...12).contains(second.value) && (1...31).contains(third.value) ? third.end : nil
        }
        guard firstDigits <= 2, thirdDigits == 2 || (thirdDigits == 4 && isYear(third.value)) else { return nil }
        let dayMonth = (1...31).contains(first.value) && (1...12).contains(second.value)
        let monthDay = (1...12).contains(first.value) && (1...31).contains(second.value)
        return dayMonth || monthDay ? third.end : nil
    }

    static func isYear(_ value: Int) -> Bool { (1900...2099).contains(value) }

    /// "12 May 1990", "12th of May, 1990", "1st Jan 1985".
    private static func parseDayFirst(_ input: ScanInput, at start: Int) -> Int? {
        guard let day = number(input, at: start, maxDigits: 2), (1...31).contains(day.value) else { return nil }
        var index = skipOrdinal(input, at: day.end)
        guard input.byte(at: index) == 0x20 else { return nil }
        index = input.skipBlanks(from: index)
        if input.matchesIgnoringCase(Self.of, at: index) { index = input.skipBlanks(from: index + 3) }
        guard let monthEnd = month(input, at: index) else { return nil }
        return year(input, after: monthEnd)
    }

    /// "May 12, 1990", "May 12th 1990".
    private static func parseMonthFirst(_ input: ScanInput, at start: Int) -> Int? {
        guard let monthEnd = month(input, at: start), input.byte(at: monthEnd) == 0x20 else { return nil }
        let index = input.skipBlanks(from: monthEnd)
        guard let day = number(input, at: index, maxDigits: 2), (1...31).contains(day.value) else { return nil }
        return year(input, after: skipOrdinal(input, at: day.end))
    }

    static func skipOrdinal(_ input: ScanInput, at index: Int) -> Int {
        let first = input.byte(at: index) | 0x20
        let second = input.byte(at: index + 1) | 0x20
        switch (first, second) {
        case (0x73, 0x74), (0x6E, 0x64), (0x72, 0x64), (0x74, 0x68): return index + 2  // st nd rd th
        default: return index
        }
    }

    private static func month(_ input: ScanInput, at start: Int) -> Int? {
        guard input.byte(at: start).isASCIILetter, input.isWordStart(start) else { return nil }
        let end = input.letterRunEnd(from: start)
        for name in months where name.count == end - start && input.matchesIgnoringCase(name, at: start) {
            return input.byte(at: end) == 0x2E ? end + 1 : end
        }
        return nil
    }

    /// An optional comma, blanks, then a four-digit year.
    private static func year(_ input: ScanInput, after index: Int) -> Int? {
        var position = index
        if input.byte(at: position) == 0x2C { position += 1 }
        guard input.byte(at: position) == 0x20 else { return nil }
        position = input.skipBlanks(from: position)
        guard let year = number(input, at: position, maxDigits: 4), year.end - position == 4, isYear(year.value),
              !input.byte(at: year.end).isASCIIAlnum
        else { return nil }
        return year.end
    }
}
