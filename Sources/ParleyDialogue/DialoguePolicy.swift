import ParleyNLU

/// Decides what the bot does with one understood message: fills slots, runs
/// forms (asking for what is missing, resuming when it arrives), applies
/// rules, and falls back to "please rephrase" on a low-confidence message.
///
/// Order of precedence for a message:
/// 1. slots are filled from the message (mappings and their conditions);
/// 2. an active form that just received its requested slot continues;
/// 3. a low-confidence or out-of-scope message is a fallback (the active form stays active);
/// 4. a rule for the intent runs (it cancels an active form unless the intent
///    is an "inform" intent or the rule is conditioned on that form);
/// 5. an active form re-asks for its requested slot;
/// 6. `utter_<intent>` answers when the domain has it; otherwise, fallback.
public struct DialoguePolicy: Sendable {
    public static let fallbackResponse = "utter_default"

    public let domain: Domain
    public let rules: [Rule]
    public let settings: DialogueSettings

    public init(domain: Domain, rules: [Rule], settings: DialogueSettings = DialogueSettings()) throws(DialogueError) {
        try domain.validate(rules: rules)
        self.domain = domain
        self.rules = rules
        self.settings = settings
    }

    public func decide(_ parse: ParseResult, tracker current: Tracker) -> DialogueDecision {
        var tracker = current
        let intent = parse.intent
        tracker.record(.userIntent(name: intent.name, confidence: intent.confidence))
        let filled = fillSlots(from: parse, into: &tracker)
        var actions: [DialogueDecision.Action] = []

        if let form = tracker.activeForm, let requested = tracker.requestedSlot, filled.contains(requested) {
            continueForm(form, tracker: &tracker, actions: &actions)
        } else if intent.confidence < settings.fallbackThreshold || parse.outOfScope {
            return fallback(tracker: tracker, filled: filled)
        } else if let rule = rule(for: intent.name, activeForm: tracker.activeForm) {
            if let form = tracker.activeForm, !settings.informIntents.contains(intent.name), rule.formCondition != .active(form) {
                tracker.activeForm = nil
                tracker.requestedSlot = nil
                tracker.record(.formCancelled(form))
            }
            run(rule.actions, tracker: &tracker, actions: &actions)
        } else if let form = tracker.activeForm {
            continueForm(form, tracker: &tracker, actions: &actions)
        } else if domain.responses["utter_\(intent.name)"] != nil {
            actions.append(.respond("utter_\(intent.name)"))
            tracker.record(.action("utter_\(intent.name)"))
        } else {
            return fallback(tracker: tracker, filled: filled)
        }
        tracker.consecutiveFallbacks = 0
        return DialogueDecision(actions: actions, tracker: tracker, isFallback: false, filledSlots: filled)
    }

    private func fallback(tracker: Tracker, filled: [String]) -> DialogueDecision {
        var tracker = tracker
        tracker.consecutiveFallbacks += 1
        tracker.record(.fallback)
        return DialogueDecision(actions: [.respond(Self.fallbackResponse)], tracker: tracker, isFallback: true, filledSlots: filled)
    }

    private func rule(for intent: String, activeForm: String?) -> Rule? {
        rules.first { rule in
            guard rule.trigger == .intent(intent) else { return false }
            switch rule.formCondition {
            case .any: return true
            case .noActiveForm: return activeForm == nil
            case let .active(form): return activeForm == form
            }
        }
    }

    /// Runs rule actions; a form action activates the form and stops the
    /// list while it collects slots (the completion rule continues later).
    private func run(_ names: [String], tracker: inout Tracker, actions: inout [DialogueDecision.Action]) {
        for name in names {
            if domain.forms[name] != nil {
                tracker.activeForm = name
                tracker.record(.formActivated(name))
                continueForm(name, tracker: &tracker, actions: &actions)
                return
            }
            actions.append(domain.responses[name] != nil ? .respond(name) : .custom(name))
            tracker.record(.action(name))
        }
    }

    private func continueForm(_ name: String, tracker: inout Tracker, actions: inout [DialogueDecision.Action]) {
        guard let form = domain.forms[name] else { return }
        if let missing = form.requiredSlots.first(where: { tracker.slots[$0] == nil }) {
            tracker.requestedSlot = missing
            let ask = domain.responses["utter_ask_\(name)_\(missing)"] != nil ? "utter_ask_\(name)_\(missing)" : "utter_ask_\(missing)"
            actions.append(.respond(ask))
            tracker.record(.action(ask))
            return
        }
        tracker.activeForm = nil
        tracker.requestedSlot = nil
        tracker.record(.formCompleted(name))
        if let completion = rules.first(where: { $0.trigger == .formCompleted(name) }) {
            run(completion.actions, tracker: &tracker, actions: &actions)
        }
    }

    /// Applies every slot mapping whose conditions hold; returns the slots set.
    private func fillSlots(from parse: ParseResult, into tracker: inout Tracker) -> [String] {
        var filled: [String] = []
        let intent = parse.intent.name
        for (name, slot) in domain.slots.sorted(by: { $0.key < $1.key }) {
            for mapping in slot.mappings {
                if !mapping.intents.isEmpty, !mapping.intents.contains(intent) { continue }
                if mapping.notIntents.contains(intent) { continue }
                if let form = mapping.activeForm, tracker.activeForm != form { continue }
                if let requested = mapping.requestedSlot, tracker.requestedSlot != requested { continue }
                let value: String?
                switch mapping.source {
                case .fromEntity:
                    value = parse.entities.first { $0.entity == mapping.entity }?.value
                case .fromText:
                    // Free text only answers a question the form asked.
                    value = tracker.requestedSlot == name ? parse.text : nil
                case .fromIntent:
                    value = mapping.value
                }
                guard let value, accepts(value, slot: slot) else { continue }
                tracker.slots[name] = slot.kind == .categorical ? value.lowercased() : value
                tracker.record(.slotSet(name))
                filled.append(name)
                break
            }
        }
        return filled
    }

    private func accepts(_ value: String, slot: SlotDefinition) -> Bool {
        switch slot.kind {
        case .categorical: slot.values.isEmpty || slot.values.contains(value.lowercased())
        case .float: Double(value) != nil
        case .bool: ["true", "false"].contains(value.lowercased())
        case .text, .any: !value.isEmpty
        }
    }
}

extension DialoguePolicy {
    /// Re-activates a form after an action asked the customer again for a
    /// value (for instance an order number that was not found); the action's
    /// own response is the question, so nothing more is said.
    public func resume(form name: String, tracker: inout Tracker) {
        guard let form = domain.forms[name],
              let missing = form.requiredSlots.first(where: { tracker.slots[$0] == nil })
        else { return }
        tracker.activeForm = name
        tracker.requestedSlot = missing
        tracker.record(.formActivated(name))
    }

    /// Applies slot changes made by an action (nil clears a slot).
    public func apply(_ changes: [String: String?], to tracker: inout Tracker) {
        for (name, value) in changes.sorted(by: { $0.key < $1.key }) where domain.slots[name] != nil {
            tracker.slots[name] = value
            tracker.record(.slotSet(name))
        }
    }
}
