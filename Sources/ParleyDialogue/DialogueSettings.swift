/// Tunables of the dialogue policy, from the bot's `config.yml`.
public struct DialogueSettings: Sendable, Hashable {
    /// Below this intent confidence a message is not acted upon; the customer is asked to rephrase.
    public var fallbackThreshold: Double
    /// Intents that only carry information for a form (never cancel it).
    public var informIntents: Set<String>

    public init(fallbackThreshold: Double = 0.4, informIntents: Set<String> = ["inform"]) {
        self.fallbackThreshold = fallbackThreshold
        self.informIntents = informIntents
    }
}
