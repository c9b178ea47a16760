import ParleyCrypto

/// A customer's message as a channel delivers it.
public struct IncomingMessage: Sendable {
    public var conversationID: String
    public var text: String
    /// The firm's customer id, when the channel knows who is writing.
    public var customerID: String?
    /// The channel that delivered it, for the audit trail.
    public var channel: Principal
    /// The channel's `Idempotency-Key`: a retry with the same key is answered
    /// with the first attempt's reply instead of being handled twice.
    public var idempotencyKey: String?

    /// The longest text accepted, in Unicode scalars (JSON Schema's
    /// `maxLength` unit): combining marks count, so a single "character"
    /// carrying thousands of marks is as long as they are.
    public static let maxTextLength = 4_000

    public init(
        conversationID: String, text: String, customerID: String? = nil, channel: Principal = .loopbackChannel, idempotencyKey: String? = nil
    ) {
        self.conversationID = conversationID
        self.text = text
        self.customerID = customerID
        self.channel = channel
        self.idempotencyKey = idempotencyKey
    }

    /// Checks ids and length; the errors never quote the text.
    public func validate() throws(EngineError) {
        try Identifier.validate(conversationID, what: "conversation id")
        if let customerID { try Identifier.validate(customerID, what: "customer_id") }
        if let idempotencyKey { try Identifier.validate(idempotencyKey, what: "Idempotency-Key") }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .invalidInput("text must not be empty")
        }
        guard text.unicodeScalars.count <= Self.maxTextLength else {
            throw .invalidInput("text is longer than \(Self.maxTextLength) characters")
        }
    }
}

extension IncomingMessage: CustomStringConvertible, CustomReflectable {
    /// Never the text: a message interpolated into a log by mistake stays harmless.
    public var description: String {
        "IncomingMessage(conversation: \(conversationID), \(text.unicodeScalars.count) scalars)"
    }

    /// What tells a retry from another message reusing its key: SHA-256 of
    /// the channel, the customer id and the text (kept sealed, never in clear).
    var fingerprint: [UInt8] {
        let fields = ["parley.message.v1", channel.actor.rawValue, customerID ?? "", text]
        return SHA256.hash(Array(fields.map { "\($0.utf8.count):\($0)" }.joined().utf8))
    }

    public var customMirror: Mirror { Mirror(self, children: ["conversationID": conversationID]) }
}

/// Rules for ids that travel in URLs, logs and audit entries.
public enum Identifier {
    /// 1–128 characters: letters, digits, `.`, `_`, `-`, `:`.
    public static func validate(_ value: String, what: String) throws(EngineError) {
        let allowed = value.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_:".unicodeScalars.contains(scalar))
        }
        guard (1...128).contains(value.count), allowed else {
            throw .invalidInput("\(what) must be 1-128 characters of letters, digits, '.', '_', '-' or ':'")
        }
    }
}
