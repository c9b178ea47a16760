import Foundation

extension NLUParser {
    /// The entities of one value on its own (a raw value that redaction took out
    /// of the text, such as a date), with offsets into `value`.
    public func entities(in value: String, referenceDate: Date = Date()) -> [Entity] {
        extractor.extract(from: value, referenceDate: referenceDate)
    }
}
