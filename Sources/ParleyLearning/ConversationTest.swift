import ParleyNLU

/// A conversation test: customer messages and the intent each must be
/// understood as, with a confidence the bot acts on (at or above the fallback
/// threshold). Read by the engine from the bot's `tests/*.yml`.
public struct ConversationTest: Sendable, Hashable {
    public struct Step: Sendable, Hashable {
        public var text: String
        public var intent: String

        public init(text: String, intent: String) {
            self.text = text
            self.intent = intent
        }
    }

    public var name: String
    public var steps: [Step]

    public init(name: String, steps: [Step]) {
        self.name = name
        self.steps = steps
    }

    /// Whether every step is understood as written.
    public func passes(_ rank: (String) -> IntentRanking, fallbackThreshold: Double) -> Bool {
        steps.allSatisfy { step in
            guard let top = rank(step.text).top else { return false }
            return top.name == step.intent && top.confidence >= fallbackThreshold
        }
    }
}
