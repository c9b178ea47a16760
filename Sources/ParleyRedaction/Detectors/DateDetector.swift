/// Every calendar date and date-time, whatever it dates (HIPAA's Safe Harbor
/// counts every date tied to a person, except the year, as an identifier):
/// numeric (`12/05/2024`, `2024-05-12`, `12.05.24`, `5/12/24`), written in seven
/// languages (`12 May 2024`, `May 12th, 2024`, `3 March`, `March 2024`,
/// `12. März 1990`, `12 de mayo de 1990`), with a time after it when one follows
/// (`2024-03-05T14:30:00Z`, `12/05/2024 10:30 am`). A bare year is never a date,
/// nor are versions, IP addresses, fractions or times alone. Birth dates are
/// found as `DATE_OF_BIRTH` too, with a higher score, so that finer type wins.
struct DateDetector: PIIDetector {
    let name = "date"
    let entityType = PIIEntityType.date

    static let isoScore = 0.8
    static let writtenScore = 0.8
    static let numericScore = 0.75
    static let shortYearScore = 0.6
    static let partialScore = 0.65

    private let months = MonthNames()
    /// "12 de mayo de 1990", "le 3 mars", "am 3. März".
    private static let of = Array("of ".utf8)
    private static let de = Array("de ".utf8)
    private static let del = Array("del ".utf8)

    func detect(in input: ScanInput, into candidates: inout [Candidate]) {
        guard !input.digitGroups.isEmpty else { return }  // no date without a digit
        var resumeAt = 0
        for word in input.words where word.start >= resumeAt {
            let found: (end: Int, score: Double)?
            if input[word.start].isASCIIDigit {
                found = numeric(at: word.start, in: input) ?? dayFirst(at: word.start, in: input)
            } else if Self.mayBeMonthFirst(word, in: input) {
                found = monthFirst(at: word.start, in: input)
            } else {
                found = nil
            }
            guard let found else { continue }
            let end = timeEnd(after: found.end, in: input) ?? found.end
            candidates.append(
                Candidate(type: entityType, start: word.start, end: end, score: found.score, detector: name,
                          usesContext: false))
            resumeAt = end
        }
    }

    // MARK: numeric dates

    private func numeric(at start: Int, in input: ScanInput) -> (end: Int, score: Double)? {
        guard !input.numberAttachedBefore(start), input.byte(at: start - 1) != 0x23,
              let first = DateParser.number(input, at: start, maxDigits: 4)
        else { return nil }
        let separator = input.byte(at: first.end)
        guard separator == 0x2F || separator == 0x2D || separator == 0x2E,
              let second = DateParser.number(input, at: first.end + 1, maxDigits: 2),
              input.byte(at: second.end) == separator,
              let third = DateParser.number(input, at: second.end + 1, maxDigits: 4)
        else { return nil }
        // Part of something longer: "1.2.3.4", "12-05-2024-77", "12/05/2024a".
        let after = input.byte(at: third.end)
        if after.isASCIILetter, !(after == 0x54 && input.byte(at: third.end + 1).isASCIIDigit) { return nil }
        if (after == separator || after == 0x2F || after == 0x2D) && input.byte(at: third.end + 1).isASCIIDigit { return nil }
        if after == 0x2E, input.byte(at: third.end + 1).isASCIIDigit { return nil }
        let firstDigits = first.end - start
        let secondDigits = second.end - first.end - 1
        let thirdDigits = third.end - second.end - 1
        if firstDigits == 4 {
            guard DateParser.isYear(first.value), (1...12).contains(second.value), (1...31).contains(third.value),
                  thirdDigits <= 2
            else { return nil }
            return (third.end, separator == 0x2D ? Self.isoScore : Self.numericScore)
        }
        guard firstDigits <= 2, secondDigits <= 2 else { return nil }
        let dayMonth = (1...31).contains(first.value) && (1...12).contains(second.value)
        let monthDay = (1...12).contains(first.value) && (1...31).contains(second.value)
        guard dayMonth || monthDay else { return nil }
        if thirdDigits == 4 {
            return DateParser.isYear(third.value) ? (third.end, Self.numericScore) : nil
        }
        guard thirdDigits == 2 else { return nil }
        // "12-05-24" is as often a reference or part of a number as a date.
        if separator == 0x2D, firstDigits == 2, secondDigits == 2 { return (third.end, Self.shortYearScore - 0.1) }
        return (third.end, Self.shortYearScore)
    }

    // MARK: written dates

    /// "12 May 2024", "12th of May", "12. März 1990", "12 de mayo de 1990", "3 mars".
    private func dayFirst(at start: Int, in input: ScanInput) -> (end: Int, score: Double)? {
        guard !input.numberAttachedBefore(start), input.byte(at: start - 1) != 0x23,
              let day = DateParser.number(input, at: start, maxDigits: 2), (1...31).contains(day.value)
        else { return nil }
        var index = DateParser.skipOrdinal(input, at: day.end)
        if input.byte(at: index) == 0x2E { index += 1 }  // "12. März"
        guard input.byte(at: index) == 0x20 || input.byte(at: index) == 0x2D else { return nil }
        let dashed = input.byte(at: index) == 0x2D  // "12-May-2024"
        index = dashed ? index + 1 : input.skipBlanks(from: index)
        if !dashed {
            if input.matchesIgnoringCase(Self.of, at: index) { index = input.skipBlanks(from: index + 3) }
            else if input.matchesIgnoringCase(Self.de, at: index) { index = input.skipBlanks(from: index + 3) }
        }
        guard let month = months.match(input, at: index) else { return nil }
        if let yearEnd = year(after: month.end, dashed: dashed, in: input) { return (yearEnd, Self.writtenScore) }
        guard !month.weak, !dashed else { return nil }
        // "12 may" is more often "12 may apply"; a capital or a clause end settles it.
        if month.ordinary, !input[index].isASCIIUpper, !Self.endsPhrase(month.end, in: input) { return nil }
        return input.isWordEnd(month.end) ? (month.end, Self.partialScore) : nil
    }

    /// False when the word at `word` cannot start "May 12" or "Sept. 3": after
    /// it (and an abbreviation dot, and a comma) there is no blank and digit.
    /// Words that run on into non-ASCII letters ("März") are left to
    /// `monthFirst`. One or two byte reads for most words, before any month
    /// lookup.
    @inline(__always) private static func mayBeMonthFirst(_ word: TextWord, in input: ScanInput) -> Bool {
        var position = word.end
        let after = input.byte(at: position)
        if after >= 0x80 { return true }
        if after == 0x2E { position += 1 }
        if input.byte(at: position) == 0x2C { position += 1 }
        guard input.byte(at: position) == 0x20 else { return false }
        return input.byte(at: input.skipBlanks(from: position)).isASCIIDigit
    }

    /// "May 12, 2024", "May 12th", "March 2024", "Sept. 3".
    private func monthFirst(at start: Int, in input: ScanInput) -> (end: Int, score: Double)? {
        guard let month = months.match(input, at: start) else { return nil }
        let separator = input.byte(at: month.end)
        guard separator == 0x20 || (separator == 0x2C && input.byte(at: month.end + 1) == 0x20) else { return nil }
        let index = input.skipBlanks(from: separator == 0x2C ? month.end + 1 : month.end)
        guard let number = DateParser.number(input, at: index, maxDigits: 4) else { return nil }
        let capitalised = input[start].isASCIIUpper
        if number.end - index == 4 {
            // "March 2024": month and year (a month is more than the year alone).
            guard DateParser.isYear(number.value), !input.byte(at: number.end).isASCIIAlnum, !month.weak,
                  capitalised || !month.ordinary
            else { return nil }
            return (number.end, Self.partialScore)
        }
        guard number.end - index <= 2, (1...31).contains(number.value) else { return nil }
        let dayEnd = DateParser.skipOrdinal(input, at: number.end)
        if let yearEnd = year(after: dayEnd, dashed: false, in: input) { return (yearEnd, Self.writtenScore) }
        // Without a year: "May 12" but not "may 2 people", "Mar 3" but not "set 5".
        guard !month.weak, capitalised || !month.ordinary, !input.byte(at: dayEnd).isASCIIAlnum,
              input.byte(at: dayEnd) != 0x3A, !(input.byte(at: dayEnd) == 0x2E && input.byte(at: dayEnd + 1).isASCIIDigit)
        else { return nil }
        return (dayEnd, Self.partialScore)
    }

    /// A four-digit year after a month: ", 2024", " 2024", " de 2024", "-2024".
    private func year(after index: Int, dashed: Bool, in input: ScanInput) -> Int? {
        var position = index
        if dashed {
            guard input.byte(at: position) == 0x2D else { return nil }
            position += 1
        } else {
            if input.byte(at: position) == 0x2C || input.byte(at: position) == 0x2E { position += 1 }
            guard input.byte(at: position) == 0x20 else { return nil }
            position = input.skipBlanks(from: position)
            if input.matchesIgnoringCase(Self.de, at: position) { position = input.skipBlanks(from: position + 3) }
            else if input.matchesIgnoringCase(Self.del, at: position) { position = input.skipBlanks(from: position + 4) }
        }
        guard let year = DateParser.number(input, at: position, maxDigits: 4), year.end - position == 4,
              DateParser.isYear(year.value), !input.byte(at: year.end).isASCIIAlnum,
              !(input.byte(at: year.end) == 0x2E && input.byte(at: year.end + 1).isASCIIDigit)
        else { return nil }
        return year.end
    }

    private static func endsPhrase(_ end: Int, in input: ScanInput) -> Bool {
        switch input.byte(at: end) {
        case 0, 0x2E, 0x2C, 0x3B, 0x21, 0x3F, 0x29, 0x0A, 0x0D: return true
        default: return false
        }
    }

    // MARK: times after a date

    /// The end of a time right after a date: "T14:30:00Z", " 14:30", ", 10:30 am",
    /// " at 9:15 PM", " 14:30 UTC", "T09:00+02:00".
    private func timeEnd(after end: Int, in input: ScanInput) -> Int? {
        var position = end
        switch input.byte(at: position) {
        case 0x54: position += 1  // T
        case 0x20, 0x2C:
            if input.byte(at: position) == 0x2C { position += 1 }
            position = input.skipBlanks(from: position)
            if input.matches("at ", at: position) { position = input.skipBlanks(from: position + 3) }
        default: return nil
        }
        guard let hour = DateParser.number(input, at: position, maxDigits: 2), hour.value <= 24,
              input.byte(at: hour.end) == 0x3A, let minute = DateParser.number(input, at: hour.end + 1, maxDigits: 2),
              minute.end - hour.end == 3, minute.value < 60
        else { return nil }
        var timeEnd = minute.end
        if input.byte(at: timeEnd) == 0x3A, let second = DateParser.number(input, at: timeEnd + 1, maxDigits: 2),
           second.end - timeEnd == 3
        {
            timeEnd = second.end
            if input.byte(at: timeEnd) == 0x2E, input.byte(at: timeEnd + 1).isASCIIDigit {
                timeEnd += 1
                while input.byte(at: timeEnd).isASCIIDigit { timeEnd += 1 }
            }
        }
        if input.byte(at: timeEnd) == 0x5A { return timeEnd + 1 }  // Z
        if input.byte(at: timeEnd) == 0x2B || input.byte(at: timeEnd) == 0x2D,
           input.byte(at: timeEnd + 1).isASCIIDigit, input.byte(at: timeEnd + 2).isASCIIDigit
        {
            var zoneEnd = timeEnd + 3
            if input.byte(at: zoneEnd) == 0x3A { zoneEnd += 1 }
            if input.byte(at: zoneEnd).isASCIIDigit, input.byte(at: zoneEnd + 1).isASCIIDigit { return zoneEnd + 2 }
            return timeEnd + 3
        }
        let suffix = input.skipBlanks(from: timeEnd)
        let first = input.byte(at: suffix) | 0x20
        if first == 0x61 || first == 0x70, input.byte(at: suffix + 1) | 0x20 == 0x6D, !input.byte(at: suffix + 2).isASCIIAlnum {
            return suffix + 2  // am / pm
        }
        if input.matches("UTC", at: suffix) || input.matches("GMT", at: suffix), !input.byte(at: suffix + 3).isASCIIAlnum {
            return suffix + 3
        }
        return input.isWordEnd(timeEnd) ? timeEnd : nil
    }
}
