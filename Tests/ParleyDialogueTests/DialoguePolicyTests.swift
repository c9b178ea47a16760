import ParleyDialogue
import ParleyNLU
import Testing

/// A small domain: an order form, a greeting, a fallback.
private func policy(threshold: Double = 0.4) throws -> DialoguePolicy {
    let domain = Domain(
        intents: ["greet", "order_status", "inform", "thanks"],
        entities: ["order_id"],
        slots: ["order_id": SlotDefinition(name: "order_id", mappings: [SlotMapping(source: .fromEntity, entity: "order_id")])],
        responses: [
            "utter_greet": [ResponseTemplate(text: "Hello!")],
            "utter_ask_order_id": [ResponseTemplate(text: "What is your order number?")],
            "utter_default": [ResponseTemplate(text: "Please rephrase.")],
            "utter_thanks": [ResponseTemplate(text: "You're welcome.")],
        ],
        forms: ["order_form": FormDefinition(name: "order_form", requiredSlots: ["order_id"])],
        actions: ["action_order_status"]
    )
    let rules = [
        Rule(name: "greet", trigger: .intent("greet"), actions: ["utter_greet"]),
        Rule(name: "order", trigger: .intent("order_status"), actions: ["order_form"]),
        Rule(name: "answer", trigger: .formCompleted("order_form"), actions: ["action_order_status"]),
    ]
    return try DialoguePolicy(domain: domain, rules: rules, settings: DialogueSettings(fallbackThreshold: threshold))
}

private func parse(_ intent: String, _ confidence: Double = 0.9, entities: [Entity] = []) -> ParseResult {
    ParseResult(text: "", ranking: IntentRanking(scores: [IntentScore(name: intent, confidence: confidence)]), entities: entities)
}

private let order = Entity(entity: "order_id", value: "12345", start: 0, end: 6, extractor: "regex")

@Suite struct DialoguePolicyTests {
    @Test func ruleAnswersItsIntent() throws {
        let decision = try policy().decide(parse("greet"), tracker: Tracker())
        #expect(decision.actions == [.respond("utter_greet")])
        #expect(!decision.isFallback)
    }

    @Test func formAsksForTheMissingSlotThenRunsTheCompletionRule() throws {
        let policy = try policy()
        let first = policy.decide(parse("order_status"), tracker: Tracker())
        #expect(first.actions == [.respond("utter_ask_order_id")])
        #expect(first.tracker.activeForm == "order_form")
        #expect(first.tracker.requestedSlot == "order_id")

        let second = policy.decide(parse("inform", 0.3, entities: [order]), tracker: first.tracker)
        #expect(second.actions == [.custom("action_order_status")])
        #expect(second.tracker.activeForm == nil)
        #expect(second.tracker.slots["order_id"] == "12345")
    }

    @Test func formWithTheSlotAlreadyGivenCompletesAtOnce() throws {
        let decision = try policy().decide(parse("order_status", entities: [order]), tracker: Tracker())
        #expect(decision.actions == [.custom("action_order_status")])
        #expect(decision.filledSlots == ["order_id"])
    }

    @Test func lowConfidenceIsAFallbackThatCountsInARow() throws {
        let policy = try policy()
        let first = policy.decide(parse("greet", 0.2), tracker: Tracker())
        #expect(first.isFallback)
        #expect(first.actions == [.respond("utter_default")])
        let second = policy.decide(parse("greet", 0.1), tracker: first.tracker)
        #expect(second.tracker.consecutiveFallbacks == 2)
        let understood = policy.decide(parse("greet"), tracker: second.tracker)
        #expect(understood.tracker.consecutiveFallbacks == 0)
    }

    @Test func anotherIntentCancelsTheActiveForm() throws {
        let policy = try policy()
        let asking = policy.decide(parse("order_status"), tracker: Tracker())
        let greeted = policy.decide(parse("greet"), tracker: asking.tracker)
        #expect(greeted.actions == [.respond("utter_greet")])
        #expect(greeted.tracker.activeForm == nil)
    }

    @Test func unclearAnswerToAFormReasks() throws {
        let policy = try policy()
        let asking = policy.decide(parse("order_status"), tracker: Tracker())
        let unclear = policy.decide(parse("inform", 0.9), tracker: asking.tracker)
        #expect(unclear.actions == [.respond("utter_ask_order_id")])
        #expect(unclear.tracker.activeForm == "order_form")
    }

    @Test func intentWithoutRuleUsesItsResponseByConvention() throws {
        let decision = try policy().decide(parse("thanks"), tracker: Tracker())
        #expect(decision.actions == [.respond("utter_thanks")])
    }

    @Test func resumeReopensAFormForASlotAnActionCleared() throws {
        let policy = try policy()
        var tracker = policy.decide(parse("order_status", entities: [order]), tracker: Tracker()).tracker
        policy.apply(["order_id": nil], to: &tracker)
        policy.resume(form: "order_form", tracker: &tracker)
        #expect(tracker.activeForm == "order_form")
        #expect(tracker.requestedSlot == "order_id")
    }

    @Test func undeclaredNamesAreRejected() {
        let domain = Domain(intents: ["greet"], responses: ["utter_default": [ResponseTemplate(text: "?")]])
        #expect(throws: DialogueError.undeclared(kind: "action", name: "utter_missing", usedBy: "rule 'r'")) {
            try DialoguePolicy(domain: domain, rules: [Rule(name: "r", trigger: .intent("greet"), actions: ["utter_missing"])])
        }
    }

    @Test func templatesRenderVariablesAndKeepUnknownOnes() {
        let template = ResponseTemplate(text: "Order #{order_id} ships {date}; {unknown} stays.")
        #expect(template.render(["order_id": "12345", "date": "tomorrow"]) == "Order #12345 ships tomorrow; {unknown} stays.")
        #expect(template.variables == ["order_id", "date", "unknown"])
    }
}
