import Testing

/// An adversarial input: a unit repeated between an optional prefix and
/// suffix, to an exact length in Unicode scalars.
struct InputShape: Sendable, CustomTestStringConvertible {
    let name: String
    let prefix: String
    let unit: String
    let suffix: String

    init(_ name: String, _ unit: String, prefix: String = "", suffix: String = "") {
        self.name = name
        self.unit = unit
        self.prefix = prefix
        self.suffix = suffix
    }

    var testDescription: String { name }

    func text(scalars count: Int) -> String {
        var scalars = Array(prefix.unicodeScalars)
        let unitScalars = Array(unit.unicodeScalars)
        let end = Array(suffix.unicodeScalars)
        while scalars.count < count - end.count {
            scalars.append(unitScalars[(scalars.count - prefix.unicodeScalars.count) % unitScalars.count])
        }
        return String(String.UnicodeScalarView((scalars + end).prefix(count)))
    }

    /// The shapes a customer message can take that make a careless stage quadratic.
    static let turns: [InputShape] = [
        InputShape("one letter", "a"),
        InputShape("one digit", "1"),
        InputShape("spaces after a digit", " ", prefix: "1"),
        InputShape("spaces after 'order'", " ", prefix: "order"),
        InputShape("dots", "."),
        InputShape("hashes", "#"),
        InputShape("dollar signs", "$"),
        InputShape("at signs", "@"),
        InputShape("a.a.a…@", "a.", suffix: "@"),
        InputShape("a@ then a.a.a…", "a.", prefix: "a@"),
        InputShape("alternating punctuation", ".,"),
        InputShape("dashes and underscores", "-_"),
        InputShape("thousands groups", "111,"),
        InputShape("decimal runs", "1."),
        InputShape("digit quads", "1234 "),
        InputShape("amounts", "$1 "),
        InputShape("amount words", "1 usd "),
        InputShape("written dates", "1st jan "),
        InputShape("relative dates", "today "),
        InputShape("order phrases", "order "),
        InputShape("order numbers", "order #12345 "),
        InputShape("placeholders", "[EMAIL] "),
        InputShape("open brackets", "["),
        InputShape("nested brackets", "([{"),
        InputShape("lookup phrases", "real person bill "),
        InputShape("capitalised names", "Anna "),
        InputShape("name cues", "my name is "),
        InputShape("emoji", "😀"),
        InputShape("emoji with skin tone", "👍🏽"),
        InputShape("flags", "🇬🇧"),
        InputShape("combining marks", "e\u{301}"),
        InputShape("one letter, many marks", "\u{301}", prefix: "a"),
        InputShape("CJK", "漢字"),
        InputShape("apostrophes", "a'"),
        InputShape("words", "where is my order please "),
    ]
}
