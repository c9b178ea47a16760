import ParleyRedaction

/// The raw values redaction removed from one message, held in memory for the
/// duration of the turn. Its description shows types only.
public struct RawPII: Sendable, CustomStringConvertible, CustomReflectable {
    private let values: [(type: PIIEntityType, value: String)]

    /// No raw values (for an action run outside a turn).
    public static let none = RawPII(values: [])

    private init(values: [(type: PIIEntityType, value: String)]) {
        self.values = values
    }

    /// The raw values of `original` at the spans `redaction` found in it.
    public init(original: String, redaction: RedactionResult) {
        let scalars = Array(original.unicodeScalars)
        values = redaction.spans.compactMap { span in
            guard span.originalStart >= 0, span.originalEnd <= scalars.count, span.originalStart < span.originalEnd else { return nil }
            return (span.type, String(String.UnicodeScalarView(scalars[span.originalStart..<span.originalEnd])))
        }
    }

    /// Raw values of one type, in order of appearance.
    public func values(of type: PIIEntityType) -> [String] {
        values.filter { $0.type == type }.map(\.value)
    }

    public var description: String {
        "RawPII(\(values.map(\.type.rawValue).joined(separator: ", ")))"
    }

    /// Types only, as in `description`, so `dump` shows no value either.
    public var customMirror: Mirror { Mirror(self, children: ["types": values.map(\.type.rawValue)]) }
}
