/// The outcome of `Redactor.redact`: the safe text, what was replaced, and the
/// values the `vault` operator set aside for encryption.
///
/// `description` shows counts only: neither the raw values nor the text itself
/// (even redacted text is an utterance and stays out of logs).
public struct RedactionResult: Sendable, Hashable {
    public let redactedText: String
    public let spans: [RedactedSpan]
    public let vaulted: [VaultedValue]

    public init(redactedText: String, spans: [RedactedSpan], vaulted: [VaultedValue]) {
        self.redactedText = redactedText
        self.spans = spans
        self.vaulted = vaulted
    }

    /// True when nothing was found and `redactedText` equals the input.
    public var isUnchanged: Bool { spans.isEmpty }
}

extension RedactionResult: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        let types = spans.map(\.type.rawValue).joined(separator: ", ")
        return "RedactionResult(text: \(redactedText.unicodeScalars.count) scalars, "
            + "spans: \(spans.count) [\(types)], vaulted: \(vaulted.count))"
    }

    public var debugDescription: String {
        "RedactionResult(text: \(redactedText.unicodeScalars.count) scalars, spans: \(spans), vaulted: \(vaulted))"
    }

    public var customMirror: Mirror {
        Mirror(self, children: ["spans": spans, "vaulted": vaulted])
    }
}
