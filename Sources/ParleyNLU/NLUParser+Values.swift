import Foundation

extension NLUParser {
    /// The built-in entities (dates, amounts, emails) of one value on its own, a
    /// raw value that redaction took out of the text, with offsets into `value`.
    /// The model's regexes and look-ups are not run: the value is known to be
    /// one thing (a date), and a pattern such as a bare number would shadow it.
    public func builtinEntities(in value: String, referenceDate: Date = Date()) -> [Entity] {
        extractor.builtinEntities(in: value, referenceDate: referenceDate)
    }
}
