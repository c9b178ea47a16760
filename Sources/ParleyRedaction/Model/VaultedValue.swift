/// A raw value removed from the text by the `vault` operator, handed to the caller
/// so it can be encrypted under the customer's own key.
///
/// The value is secret: `description`, `debugDescription` and the mirror used by
/// `dump` never show it.
public struct VaultedValue: Sendable, Hashable {
    public let type: PIIEntityType
    /// The raw value as it appeared in the original text.
    public let value: String
    /// Unicode scalar offsets of the value in the original text.
    public let originalStart: Int
    public let originalEnd: Int
    /// Unicode scalar offsets of the placeholder in the redacted text.
    public let redactedStart: Int
    public let redactedEnd: Int

    public init(
        type: PIIEntityType, value: String, originalStart: Int, originalEnd: Int,
        redactedStart: Int, redactedEnd: Int
    ) {
        self.type = type
        self.value = value
        self.originalStart = originalStart
        self.originalEnd = originalEnd
        self.redactedStart = redactedStart
        self.redactedEnd = redactedEnd
    }
}

extension VaultedValue: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "VaultedValue(\(type.rawValue), original: \(originalStart)..<\(originalEnd), value: <hidden>)"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "type": type, "originalStart": originalStart, "originalEnd": originalEnd,
                "redactedStart": redactedStart, "redactedEnd": redactedEnd,
            ]
        )
    }
}
