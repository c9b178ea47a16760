/// The state of one conversation as the dialogue sees it: slots, the active
/// form and the slot it asked for, the fallback streak, and a short history.
/// Stored with the conversation (after redaction: slot values come from
/// redacted text).
public struct Tracker: Sendable, Hashable, Codable {
    public var slots: [String: String]
    public var activeForm: String?
    public var requestedSlot: String?
    /// Fallbacks in a row; reset by any understood message.
    public var consecutiveFallbacks: Int
    /// The most recent events, oldest first, capped at ``Tracker/historyLimit``.
    public var history: [TrackerEvent]

    public static let historyLimit = 40

    public init(slots: [String: String] = [:]) {
        self.slots = slots
        self.activeForm = nil
        self.requestedSlot = nil
        self.consecutiveFallbacks = 0
        self.history = []
    }

    mutating func record(_ event: TrackerEvent) {
        history.append(event)
        if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
    }
}

/// What happened in a conversation, without any text: an intent, an action,
/// a slot being set (name only), a form starting or ending.
public enum TrackerEvent: Sendable, Hashable, Codable {
    case userIntent(name: String, confidence: Double)
    case action(String)
    case slotSet(String)
    case formActivated(String)
    case formCompleted(String)
    case formCancelled(String)
    case fallback
}
