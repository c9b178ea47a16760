import ParleyEscalation
import ParleyNLU
import Testing

private func situation(_ intent: String, _ confidence: Double, second: Double = 0, entities: [Entity] = [], fallbacks: Int = 0, tier: String? = nil) -> EscalationSituation {
    var scores = [IntentScore(name: intent, confidence: confidence)]
    if second > 0 { scores.append(IntentScore(name: "other", confidence: second)) }
    let parse = ParseResult(text: "", ranking: IntentRanking(scores: scores), entities: entities)
    return EscalationSituation(parse: parse, consecutiveFallbacks: fallbacks, customerTier: tier)
}

private func policy() throws -> EscalationPolicy {
    try EscalationPolicy(
        queues: [
            Queue(name: "billing", description: "", handoffResponse: "utter_b"),
            Queue(name: "technical", description: "", handoffResponse: "utter_t"),
            Queue(name: "general", description: "", handoffResponse: "utter_g"),
        ],
        defaultQueue: "general",
        routing: Routing(topicEntity: "topic", topics: ["billing": "billing"], intents: ["account_access": "technical"]),
        rules: [
            EscalationRule(name: "dispute", reason: "disputes", queue: "billing", condition: .intentIn(["billing_dispute"])),
            EscalationRule(name: "explicit", reason: "asked", condition: .explicitRequest(intents: ["request_human"], entities: ["human_agent"])),
            EscalationRule(name: "vip", reason: "vip", condition: .customerTierIn(["vip"])),
            EscalationRule(name: "fallbacks", reason: "lost", condition: .consecutiveFallbacksAtLeast(2)),
            EscalationRule(name: "low", reason: "low", condition: .confidenceBelow(0.2)),
            EscalationRule(name: "ambiguous", reason: "ambiguous", condition: .marginBelow(0.05)),
        ]
    )
}

@Suite struct EscalationPolicyTests {
    @Test func alwaysHumanIntentGoesToItsQueue() throws {
        #expect(try policy().evaluate(situation("billing_dispute", 0.9)) == Handoff(queue: "billing", reason: "disputes", rule: "dispute"))
    }

    @Test func explicitRequestIsRoutedByTopicThenIntentThenDefault() throws {
        let policy = try policy()
        let topic = Entity(entity: "topic", value: "billing", start: 0, end: 1, extractor: "lookup")
        #expect(policy.evaluate(situation("request_human", 0.9, entities: [topic]))?.queue == "billing")
        let person = Entity(entity: "human_agent", value: "agent", start: 0, end: 1, extractor: "lookup")
        #expect(policy.evaluate(situation("account_access", 0.9, entities: [person]))?.queue == "technical")
        #expect(policy.evaluate(situation("request_human", 0.9))?.queue == "general")
    }

    @Test func confidenceMarginFallbacksAndTierRules() throws {
        let policy = try policy()
        #expect(policy.evaluate(situation("greet", 0.1))?.rule == "low")
        #expect(policy.evaluate(situation("greet", 0.45, second: 0.44))?.rule == "ambiguous")
        #expect(policy.evaluate(situation("greet", 0.5, fallbacks: 2))?.rule == "fallbacks")
        #expect(policy.evaluate(situation("greet", 0.9, tier: "VIP"))?.rule == "vip")
        #expect(policy.evaluate(situation("greet", 0.9, second: 0.05)) == nil)
    }

    @Test func unknownQueuesAreRejected() {
        #expect(throws: EscalationError.unknownQueue("nowhere", usedBy: "rule 'r'")) {
            try EscalationPolicy(
                queues: [Queue(name: "general", description: "", handoffResponse: "u")], defaultQueue: "general",
                rules: [EscalationRule(name: "r", reason: "x", queue: "nowhere", condition: .intentIn([]))]
            )
        }
    }
}
