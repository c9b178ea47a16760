import Foundation

/// Built-in extractors for values every support bot meets: money amounts,
/// dates, email addresses.
struct BuiltinEntities: @unchecked Sendable {
    // Safety of @unchecked Sendable: the expressions are immutable after
    // init and NSRegularExpression matching is thread-safe.
    private let enabled: Set<String>
    private let amount: NSRegularExpression
    private let isoDate: NSRegularExpression
    private let writtenDate: NSRegularExpression
    private let relativeDate: NSRegularExpression
    private let email: NSRegularExpression

    private static let currencies: [String: String] = [
        "$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
        "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
        "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP",
    ]
    private static let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    init(enabled: Set<String>) {
        self.enabled = enabled
        // These literals are fixed and tested; a failure to compile is a programming error.
        func compile(_ pattern: String) -> NSRegularExpression {
            do { return try NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) } catch {
                preconditionFailure("built-in entity pattern does not compile")
            }
        }
        // Linear on any text: a number starts only where no digit (or digit and
        // separator) precedes it, and digit runs are possessive, so a long run
        // of digits is scanned once instead of once per position (quadratic).
        let number = #"(\d{1,3}(?:,\d{3})++(?:\.\d{1,2})?|\d++(?:[.,]\d{1,2})?)"#
        amount = compile(#"(?:([$€£])\s?"# + number + #")|(?:(?<!\d)(?<!\d[.,])"# + number + #"\s?(usd|eur|gbp|dollars?|euros?|pounds?)\b)"#)
        isoDate = compile(#"\b(\d{4})-(\d{2})-(\d{2})\b"#)
        writtenDate = compile(#"\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+(\d{4}))?\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b"#)
        relativeDate = compile(#"\b(today|tomorrow|yesterday)\b"#)
        // Starts only where a run of address characters starts (and takes it
        // whole), so `a.a.a.…@` is read once; leading punctuation is trimmed below.
        email = compile(#"(?<![A-Z0-9._%+-])[A-Z0-9._%+-]++@[A-Z0-9.-]+\.[A-Z]{2,}\b"#)
    }

    /// Each pattern runs only when the text has what any of its matches must
    /// contain (a digit, an `@`, a relative-date word): most messages have
    /// none, and regular expressions are the slow part of parsing.
    func extract(from text: String, offsets: ScalarOffsets, referenceDate: Date) -> [Entity] {
        var hasDigit = false
        var hasAt = false
        for scalar in text.unicodeScalars {
            if scalar == "@" { hasAt = true } else if !hasDigit, Tokenizer.isDigit(scalar) { hasDigit = true }
        }
        let hasRelativeDate = enabled.contains("date") && Self.mentionsRelativeDay(text)
        guard (hasAt && enabled.contains("email")) || (hasDigit && !enabled.isDisjoint(with: ["amount", "date"])) || hasRelativeDate
        else { return [] }

        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        var found: [Entity] = []
        func add(_ name: String, _ range: NSRange, _ value: String) {
            found.append(Entity(
                entity: name, value: value,
                start: offsets.scalarOffset(utf16: range.location),
                end: offsets.scalarOffset(utf16: range.location + range.length),
                extractor: "builtin"
            ))
        }
        func group(_ match: NSTextCheckingResult, _ index: Int) -> String? {
            let range = match.range(at: index)
            return range.location == NSNotFound ? nil : ns.substring(with: range)
        }

        if hasAt, enabled.contains("email") {
            for match in email.matches(in: text, range: whole) {
                var range = match.range
                while range.length > 0, let unit = UnicodeScalar(ns.character(at: range.location)),
                      !unit.properties.isAlphabetic, !("0"..."9").contains(unit) {
                    range = NSRange(location: range.location + 1, length: range.length - 1)
                }
                add("email", range, ns.substring(with: range).lowercased())
            }
        }
        if hasDigit, enabled.contains("amount") {
            for match in amount.matches(in: text, range: whole) {
                let symbol = group(match, 1) ?? group(match, 4) ?? ""
                guard let currency = Self.currencies[symbol.lowercased()],
                      let digits = group(match, 2) ?? group(match, 3)
                else { continue }
                // Commas are thousands separators when they group threes (`1,000`,
                // `1,250.50`), a decimal comma otherwise (`12,5`).
                let groups: [Substring] = digits.split(separator: ",")
                let thousands = digits.contains(".") || groups.dropFirst().allSatisfy { $0.count == 3 }
                // Without Foundation's replacingOccurrences: it was a sixth of
                // the CPU of a message of 1,000 amounts (perf, turn-server parse).
                let normalised = !digits.contains(",") ? digits
                    : thousands ? String(digits.filter { $0 != "," }) : String(digits.map { $0 == "," ? "." : $0 })
                add("amount", match.range, "\(normalised) \(currency)")
            }
        }
        if enabled.contains("date") {
            var calendar = Calendar(identifier: .gregorian)
            if let utc = TimeZone(identifier: "UTC") { calendar.timeZone = utc }
            let today = calendar.startOfDay(for: referenceDate)
            let year = calendar.component(.year, from: today)
            for match in hasRelativeDate ? relativeDate.matches(in: text, range: whole) : [] {
                let word = ns.substring(with: match.range).lowercased()
                let shift = word == "tomorrow" ? 1 : word == "yesterday" ? -1 : 0
                if let day = calendar.date(byAdding: .day, value: shift, to: today) {
                    add("date", match.range, Self.iso(day, calendar))
                }
            }
            for match in hasDigit ? isoDate.matches(in: text, range: whole) : [] {
                if let y = Int(group(match, 1) ?? ""), let m = Int(group(match, 2) ?? ""), let d = Int(group(match, 3) ?? ""),
                   let day = calendar.date(from: DateComponents(year: y, month: m, day: d)),
                   calendar.component(.day, from: day) == d {
                    add("date", match.range, Self.iso(day, calendar))
                }
            }
            for match in hasDigit ? writtenDate.matches(in: text, range: whole) : [] {
                let dayText = group(match, 1) ?? group(match, 5)
                let monthText = (group(match, 2) ?? group(match, 4))?.lowercased().prefix(3)
                let yearText = group(match, 3) ?? group(match, 6)
                guard let dayText, let d = Int(dayText), let monthText,
                      let m = Self.months.firstIndex(of: String(monthText)).map({ $0 + 1 }),
                      let day = calendar.date(from: DateComponents(year: yearText.flatMap(Int.init) ?? year, month: m, day: d)),
                      calendar.component(.day, from: day) == d
                else { continue }
                add("date", match.range, Self.iso(day, calendar))
            }
        }
        return found
    }

    /// Whether `today`, `tomorrow` or `yesterday` occurs anywhere, ignoring
    /// ASCII case: a cheap superset of the relative-date pattern's matches.
    static func mentionsRelativeDay(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        for start in bytes.indices {
            let first = bytes[start] | 0x20
            guard first == UInt8(ascii: "t") || first == UInt8(ascii: "y") else { continue }
            for word in relativeDays where start + word.count <= bytes.count {
                var index = 0
                while index < word.count, bytes[start + index] | 0x20 == word[index] { index += 1 }
                if index == word.count { return true }
            }
        }
        return false
    }

    private static let relativeDays = ["today", "tomorrow", "yesterday"].map { Array($0.utf8) }

    private static func iso(_ date: Date, _ calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
