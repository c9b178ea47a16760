/// What the dialogue decided for one message: the actions to run, in order,
/// and the updated tracker.
public struct DialogueDecision: Sendable, Hashable {
    public enum Action: Sendable, Hashable {
        /// Send the response with this name (`utter_*`).
        case respond(String)
        /// Run a custom action (`action_*`) through the engine's action registry.
        case custom(String)
    }

    public var actions: [Action]
    public var tracker: Tracker
    /// True when the message was not understood well enough and the customer was asked to rephrase.
    public var isFallback: Bool
    /// Slots filled from this message, by name.
    public var filledSlots: [String]
}
