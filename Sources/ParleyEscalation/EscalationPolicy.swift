/// When a conversation goes to a human, and to which queue: the rules of
/// `policies/escalation.yml`, evaluated in order; the first that matches wins.
public struct EscalationPolicy: Sendable, Hashable {
    public var queues: [Queue]
    public var defaultQueue: String
    public var routing: Routing
    public var rules: [EscalationRule]

    public init(queues: [Queue], defaultQueue: String, routing: Routing = Routing(), rules: [EscalationRule]) throws(EscalationError) {
        self.queues = queues
        self.defaultQueue = defaultQueue
        self.routing = routing
        self.rules = rules
        try validate()
    }

    public func queue(named name: String) -> Queue? {
        queues.first { $0.name == name }
    }

    /// The first rule that matches, with the queue it routes to; nil keeps the bot in charge.
    public func evaluate(_ situation: EscalationSituation) -> Handoff? {
        for rule in rules where rule.condition.matches(situation) {
            let queue = rule.queue ?? routing.queue(for: situation) ?? defaultQueue
            return Handoff(queue: queue, reason: rule.reason, rule: rule.name)
        }
        return nil
    }

    private func validate() throws(EscalationError) {
        let names = Set(queues.map(\.name))
        guard names.count == queues.count else { throw .invalid("queue names must be unique") }
        guard names.contains(defaultQueue) else { throw .unknownQueue(defaultQueue, usedBy: "default_queue") }
        for rule in rules {
            if let queue = rule.queue, !names.contains(queue) { throw .unknownQueue(queue, usedBy: "rule '\(rule.name)'") }
        }
        for queue in Set(routing.topics.values).union(routing.intents.values) where !names.contains(queue) {
            throw .unknownQueue(queue, usedBy: "routing")
        }
        guard Set(rules.map(\.name)).count == rules.count else { throw .invalid("rule names must be unique") }
    }
}

/// A queue of human agents.
public struct Queue: Sendable, Hashable, Codable {
    public var name: String
    public var description: String
    /// The response the customer gets when handed to this queue.
    public var handoffResponse: String

    public init(name: String, description: String, handoffResponse: String) {
        self.name = name
        self.description = description
        self.handoffResponse = handoffResponse
    }
}

/// Where a handoff goes when its rule names no queue: by the topic entity
/// the customer mentioned, else by intent.
public struct Routing: Sendable, Hashable {
    /// Entity that carries the topic (e.g. `topic`).
    public var topicEntity: String
    /// Topic value → queue.
    public var topics: [String: String]
    /// Intent → queue.
    public var intents: [String: String]

    public init(topicEntity: String = "topic", topics: [String: String] = [:], intents: [String: String] = [:]) {
        self.topicEntity = topicEntity
        self.topics = topics
        self.intents = intents
    }

    func queue(for situation: EscalationSituation) -> String? {
        if let topic = situation.entities.first(where: { $0.entity == topicEntity }),
           let queue = topics[topic.value.lowercased()] {
            return queue
        }
        return situation.intent.flatMap { intents[$0] }
    }
}

/// The decision to hand a conversation to a human.
public struct Handoff: Sendable, Hashable, Codable {
    public let queue: String
    /// Human-readable, from the policy; never customer text.
    public let reason: String
    /// The policy rule that decided it.
    public let rule: String

    public init(queue: String, reason: String, rule: String) {
        self.queue = queue
        self.reason = reason
        self.rule = rule
    }
}
