import ParleyDialogue

/// Reads Rasa 3 rules into Parley's rule subset:
///
/// - `steps: [intent: X, action: a, action: b]` — when X arrives, run a, b
///   (an action that names a form activates it; an `active_loop: form` step
///   after it is accepted);
/// - `condition: [active_loop: F]` with `steps: [action: F, active_loop: null,
///   slot_was_set: [requested_slot: null], action: a]` — when form F
///   completes, run a;
/// - `condition: [active_loop: null]` restricts an intent rule to "no form active".
enum RulesReader {
    static func read(_ section: YAMLNode) throws(EngineError) -> [Rule] {
        var rules: [Rule] = []
        for item in try section.sequence() {
            let fields = try item.dictionary(allowed: ["rule", "steps", "condition", "wait_for_user_input", "conversation_start"])
            let name = try fields["rule"]?.nonEmptyString() ?? "rule at line \(item.line ?? 0)"
            if fields["conversation_start"] != nil { throw item.fail("conversation_start rules are not supported") }
            var activeLoopCondition: String??
            for condition in try fields["condition"]?.sequence() ?? [] {
                let parts = try condition.dictionary(allowed: ["active_loop", "slot_was_set"])
                if parts["slot_was_set"] != nil { throw condition.fail("slot conditions on rules are not supported") }
                if let loop = parts["active_loop"] { activeLoopCondition = .some(loop.isNull ? nil : try loop.nonEmptyString()) }
            }
            guard let stepsNode = fields["steps"] else { throw item.fail("a rule needs steps") }
            var trigger: Rule.Trigger?
            var actions: [String] = []
            var sawFormDeactivation = false
            for step in try stepsNode.sequence() {
                let parts = try step.mapping(allowed: ["intent", "action", "active_loop", "slot_was_set", "entities", "user"])
                guard parts.count >= 1 else { throw step.fail("empty step") }
                let (kind, value) = parts[0]
                switch kind {
                case "intent":
                    guard trigger == nil, actions.isEmpty else { throw step.fail("a rule has one intent step, at the start") }
                    trigger = .intent(try value.nonEmptyString())
                case "action":
                    let action = try value.nonEmptyString()
                    if trigger == nil, case let .some(.some(form)) = activeLoopCondition, action == form {
                        trigger = .formCompleted(form)
                    } else {
                        actions.append(action)
                    }
                case "active_loop":
                    if value.isNull { sawFormDeactivation = true }
                case "slot_was_set":
                    continue
                default:
                    throw step.fail("'\(kind)' steps are not supported")
                }
            }
            guard let trigger else {
                throw item.fail("rule '\(name)' needs an intent step, or a form condition and that form's action")
            }
            if case .formCompleted = trigger, !sawFormDeactivation {
                throw item.fail("rule '\(name)': a form-completion rule needs 'active_loop: null' after the form action")
            }
            let formCondition: Rule.FormCondition
            switch activeLoopCondition {
            case .none: formCondition = .any
            case .some(.none): formCondition = .noActiveForm
            case let .some(.some(form)): formCondition = trigger == .formCompleted(form) ? .any : .active(form)
            }
            rules.append(Rule(name: name, trigger: trigger, formCondition: formCondition, actions: actions))
        }
        return rules
    }
}
