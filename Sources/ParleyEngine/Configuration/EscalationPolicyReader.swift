import Foundation
import ParleyEscalation

/// Reads `policies/escalation.yml`:
///
/// ```yaml
/// version: 1
/// default_queue: general
/// queues:
///   billing: { description: "...", response: utter_handoff_billing }
/// routing:
///   topic_entity: topic
///   topics: { billing: billing }
///   intents: { billing_dispute: billing }
/// rules:                       # evaluated in order; the first match hands off
///   - name: always_human
///     reason: "..."
///     queue: billing           # optional; else routed
///     when: { intent_in: [billing_dispute] }
/// ```
public enum EscalationPolicyReader {
    public static func load(_ url: URL) throws(EngineError) -> EscalationPolicy {
        try read(YAMLNode.load(url))
    }

    static func read(_ root: YAMLNode) throws(EngineError) -> EscalationPolicy {
        let fields = try root.dictionary(allowed: ["version", "default_queue", "queues", "routing", "rules"])
        if let version = fields["version"], try version.int() != 1 { throw version.fail("only version 1 is supported") }
        guard let queuesNode = fields["queues"] else { throw root.fail("queues are required") }
        var queues: [Queue] = []
        for (name, queue) in try queuesNode.mapping() {
            let spec = try queue.dictionary(allowed: ["description", "response"])
            guard let response = spec["response"] else { throw queue.fail("a queue needs the response sent on handoff") }
            queues.append(Queue(
                name: name, description: try spec["description"]?.string() ?? name,
                handoffResponse: try response.nonEmptyString()
            ))
        }
        var routing = Routing()
        if let routingNode = fields["routing"] {
            let spec = try routingNode.dictionary(allowed: ["topic_entity", "topics", "intents"])
            if let entity = spec["topic_entity"] { routing.topicEntity = try entity.nonEmptyString() }
            for (topic, queue) in try spec["topics"]?.mapping() ?? [] { routing.topics[topic.lowercased()] = try queue.nonEmptyString() }
            for (intent, queue) in try spec["intents"]?.mapping() ?? [] { routing.intents[intent] = try queue.nonEmptyString() }
        }
        var rules: [EscalationRule] = []
        for item in try fields["rules"]?.sequence() ?? [] {
            let spec = try item.dictionary(allowed: ["name", "reason", "queue", "when", "enabled"])
            if let enabled = spec["enabled"], try !enabled.bool() { continue }
            guard let name = spec["name"], let reason = spec["reason"], let when = spec["when"] else {
                throw item.fail("a rule needs name, reason and when")
            }
            rules.append(EscalationRule(
                name: try name.nonEmptyString(), reason: try reason.nonEmptyString(),
                queue: try spec["queue"]?.nonEmptyString(), condition: try condition(when)
            ))
        }
        let defaultQueue = try fields["default_queue"]?.nonEmptyString() ?? "general"
        do {
            return try EscalationPolicy(queues: queues, defaultQueue: defaultQueue, routing: routing, rules: rules)
        } catch {
            throw root.fail(error.description)
        }
    }

    private static func condition(_ node: YAMLNode) throws(EngineError) -> EscalationCondition {
        let allowed: Set<String> = [
            "intent_in", "explicit_request", "confidence_below", "margin_below",
            "consecutive_fallbacks_at_least", "customer_tier_in",
        ]
        let entries = try node.mapping(allowed: allowed)
        guard entries.count == 1, let (kind, value) = entries.first else {
            throw node.fail("a rule's when has exactly one condition")
        }
        switch kind {
        case "intent_in":
            return .intentIn(Set(try value.strings()))
        case "explicit_request":
            let spec = try value.dictionary(allowed: ["intents", "entities"])
            return .explicitRequest(intents: Set(try spec["intents"]?.strings() ?? []), entities: Set(try spec["entities"]?.strings() ?? []))
        case "confidence_below":
            return .confidenceBelow(try value.double(in: 0...1))
        case "margin_below":
            return .marginBelow(try value.double(in: 0...1))
        case "consecutive_fallbacks_at_least":
            return .consecutiveFallbacksAtLeast(try value.int(in: 1...100))
        default:
            return .customerTierIn(Set(try value.strings().map { $0.lowercased() }))
        }
    }
}
