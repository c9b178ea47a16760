/// The bot's domain: what it understands and how it can answer. Loaded from
/// the bot's `domain.yml` (Rasa 3 shape) by the engine.
public struct Domain: Sendable, Hashable {
    public var intents: [String]
    public var entities: [String]
    public var slots: [String: SlotDefinition]
    /// Response name (`utter_*`) → variants.
    public var responses: [String: [ResponseTemplate]]
    public var forms: [String: FormDefinition]
    /// Custom actions the engine must provide (`action_*`).
    public var actions: [String]

    public init(
        intents: [String] = [],
        entities: [String] = [],
        slots: [String: SlotDefinition] = [:],
        responses: [String: [ResponseTemplate]] = [:],
        forms: [String: FormDefinition] = [:],
        actions: [String] = []
    ) {
        self.intents = intents
        self.entities = entities
        self.slots = slots
        self.responses = responses
        self.forms = forms
        self.actions = actions
    }

    /// Checks that every name a slot, form or rule uses is declared.
    public func validate(rules: [Rule]) throws(DialogueError) {
        for (name, form) in forms {
            for slot in form.requiredSlots where slots[slot] == nil {
                throw .undeclared(kind: "slot", name: slot, usedBy: "form '\(name)'")
            }
            for slot in form.requiredSlots where responses["utter_ask_\(slot)"] == nil && responses["utter_ask_\(name)_\(slot)"] == nil {
                throw .undeclared(kind: "response", name: "utter_ask_\(slot)", usedBy: "form '\(name)'")
            }
        }
        for (name, slot) in slots {
            for mapping in slot.mappings {
                if let entity = mapping.entity, !entities.contains(entity) {
                    throw .undeclared(kind: "entity", name: entity, usedBy: "slot '\(name)'")
                }
            }
        }
        for rule in rules {
            if case let .intent(intent) = rule.trigger, !intents.contains(intent) {
                throw .undeclared(kind: "intent", name: intent, usedBy: "rule '\(rule.name)'")
            }
            if case let .formCompleted(form) = rule.trigger, forms[form] == nil {
                throw .undeclared(kind: "form", name: form, usedBy: "rule '\(rule.name)'")
            }
            for action in rule.actions where !isKnownAction(action) {
                throw .undeclared(kind: "action", name: action, usedBy: "rule '\(rule.name)'")
            }
        }
        if responses[DialoguePolicy.fallbackResponse] == nil {
            throw .undeclared(kind: "response", name: DialoguePolicy.fallbackResponse, usedBy: "the fallback")
        }
    }

    func isKnownAction(_ name: String) -> Bool {
        responses[name] != nil || forms[name] != nil || actions.contains(name)
    }
}
