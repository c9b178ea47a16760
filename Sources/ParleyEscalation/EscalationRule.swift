import ParleyNLU

/// One named rule: a condition, the reason shown to agents, and an optional queue.
public struct EscalationRule: Sendable, Hashable {
    public var name: String
    public var reason: String
    /// nil: route by topic or intent (see ``Routing``).
    public var queue: String?
    public var condition: EscalationCondition

    public init(name: String, reason: String, queue: String? = nil, condition: EscalationCondition) {
        self.name = name
        self.reason = reason
        self.queue = queue
        self.condition = condition
    }
}

/// What a rule looks at.
public enum EscalationCondition: Sendable, Hashable {
    /// The top intent is one of these (e.g. billing disputes, complaints).
    case intentIn(Set<String>)
    /// The customer asked for a person: one of these intents, or one of these entities.
    case explicitRequest(intents: Set<String>, entities: Set<String>)
    /// Top intent confidence below this value.
    case confidenceBelow(Double)
    /// Top-two confidence margin below this value (the model hesitates between two intents).
    case marginBelow(Double)
    /// This many fallbacks in a row, counting this message.
    case consecutiveFallbacksAtLeast(Int)
    /// The customer's tier is one of these (e.g. `vip`).
    case customerTierIn(Set<String>)

    func matches(_ situation: EscalationSituation) -> Bool {
        switch self {
        case let .intentIn(intents):
            situation.intent.map(intents.contains) ?? false
        case let .explicitRequest(intents, entities):
            (situation.intent.map(intents.contains) ?? false)
                || situation.entities.contains { entities.contains($0.entity) }
        case let .confidenceBelow(threshold):
            situation.confidence < threshold
        case let .marginBelow(threshold):
            situation.margin < threshold
        case let .consecutiveFallbacksAtLeast(count):
            situation.consecutiveFallbacks >= count
        case let .customerTierIn(tiers):
            situation.customerTier.map { tiers.contains($0.lowercased()) } ?? false
        }
    }
}

/// Everything the rules may look at for one message.
public struct EscalationSituation: Sendable {
    public var intent: String?
    public var confidence: Double
    public var margin: Double
    public var entities: [Entity]
    public var consecutiveFallbacks: Int
    public var customerTier: String?

    public init(parse: ParseResult, consecutiveFallbacks: Int, customerTier: String? = nil) {
        intent = parse.ranking.top?.name
        confidence = parse.ranking.top?.confidence ?? 0
        margin = parse.ranking.margin
        entities = parse.entities
        self.consecutiveFallbacks = consecutiveFallbacks
        self.customerTier = customerTier
    }
}
