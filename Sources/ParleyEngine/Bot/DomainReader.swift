import ParleyDialogue

/// Reads `domain.yml` in Rasa 3's shape.
enum DomainReader {
    static func read(_ root: YAMLNode) throws(EngineError) -> Domain {
        var domain = Domain()
        let allowed: Set<String> = ["version", "intents", "entities", "slots", "responses", "forms", "actions", "session_config"]
        for (key, value) in try root.mapping(allowed: allowed) {
            switch key {
            case "intents": domain.intents = try names(value)
            case "entities": domain.entities = try names(value)
            case "actions": domain.actions = try names(value)
            case "slots":
                for (name, slot) in try value.mapping() { domain.slots[name] = try readSlot(name, slot) }
            case "responses":
                for (name, variants) in try value.mapping() {
                    guard name.hasPrefix("utter_") else { throw variants.fail("response names start with utter_") }
                    var templates: [ResponseTemplate] = []
                    for variant in try variants.sequence() {
                        let fields = try variant.dictionary(allowed: ["text", "condition", "channel", "metadata"])
                        guard let text = fields["text"] else { throw variant.fail("a response variant needs text") }
                        if fields["condition"] != nil || fields["channel"] != nil {
                            throw variant.fail("conditional and channel-specific responses are not supported yet")
                        }
                        templates.append(ResponseTemplate(text: try text.nonEmptyString()))
                    }
                    guard !templates.isEmpty else { throw variants.fail("a response needs at least one variant") }
                    domain.responses[name] = templates
                }
            case "forms":
                for (name, form) in try value.mapping() {
                    let fields = try form.dictionary(allowed: ["required_slots", "ignored_intents"])
                    guard let required = fields["required_slots"] else { throw form.fail("a form needs required_slots") }
                    domain.forms[name] = FormDefinition(name: name, requiredSlots: try required.strings())
                }
            default:
                break
            }
        }
        guard !domain.intents.isEmpty else { throw root.fail("the domain declares no intents") }
        return domain
    }

    /// A list of names; Rasa lets an item be `- name:` with options, whose options are accepted and ignored.
    private static func names(_ value: YAMLNode) throws(EngineError) -> [String] {
        var result: [String] = []
        for item in try value.sequence() {
            if case .scalar = item.node {
                result.append(try item.nonEmptyString())
            } else {
                let entries = try item.mapping()
                guard entries.count == 1, let name = entries.first?.key else { throw item.fail("expected a name") }
                _ = try entries[0].value.mapping(allowed: ["use_entities", "ignore_entities", "influence_conversation", "roles", "groups"])
                result.append(name)
            }
        }
        return result
    }

    private static func readSlot(_ name: String, _ node: YAMLNode) throws(EngineError) -> SlotDefinition {
        let fields = try node.dictionary(allowed: ["type", "values", "mappings", "initial_value", "influence_conversation"])
        var slot = SlotDefinition(name: name)
        if let type = fields["type"] {
            guard let kind = SlotDefinition.Kind(rawValue: try type.nonEmptyString()) else {
                throw type.fail("expected text, categorical, float, bool or any")
            }
            slot.kind = kind
        }
        if let values = fields["values"] { slot.values = try values.strings().map { $0.lowercased() } }
        if let initial = fields["initial_value"], !initial.isNull { slot.initialValue = try initial.string() }
        for mapping in try fields["mappings"]?.sequence() ?? [] {
            let spec = try mapping.dictionary(allowed: ["type", "entity", "intent", "not_intent", "value", "conditions", "role", "group"])
            guard let type = spec["type"], let source = SlotMapping.Source(rawValue: try type.nonEmptyString()) else {
                throw mapping.fail("a mapping needs type from_entity, from_text or from_intent")
            }
            var slotMapping = SlotMapping(source: source)
            slotMapping.entity = try spec["entity"]?.nonEmptyString()
            slotMapping.intents = try spec["intent"]?.strings() ?? []
            slotMapping.notIntents = try spec["not_intent"]?.strings() ?? []
            slotMapping.value = try spec["value"]?.string()
            if source == .fromEntity, slotMapping.entity == nil { throw mapping.fail("a from_entity mapping needs entity") }
            if source == .fromIntent, slotMapping.value == nil { throw mapping.fail("a from_intent mapping needs value") }
            for condition in try spec["conditions"]?.sequence() ?? [] {
                let parts = try condition.dictionary(allowed: ["active_loop", "requested_slot"])
                slotMapping.activeForm = try parts["active_loop"]?.nonEmptyString()
                slotMapping.requestedSlot = try parts["requested_slot"]?.nonEmptyString()
            }
            slot.mappings.append(slotMapping)
        }
        return slot
    }
}
