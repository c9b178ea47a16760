import ParleyDialogue
import ParleyEscalation
import ParleyStore

extension Bot {
    /// The bot with the intents admins added in the store: each answers with
    /// its response (`utter_<name>`), or is handed to its queue.
    public func applying(_ overlay: [IntentOverlay]) -> Bot {
        var bot = self
        for intent in overlay where !bot.domain.intents.contains(intent.name) {
            bot.domain.intents.append(intent.name)
            if let response = intent.response {
                bot.domain.responses["utter_\(intent.name)"] = [ResponseTemplate(text: response)]
            }
        }
        return bot
    }

    /// Intents the bot's files declare (without the overlay).
    static func baseIntents(_ bot: Bot, overlay: [IntentOverlay]) -> Set<String> {
        Set(bot.domain.intents).subtracting(overlay.map(\.name))
    }
}

extension EscalationPolicy {
    /// The policy with one rule per added intent that hands off to a queue
    /// (after the policy's own rules, which keep their precedence).
    public func applying(_ overlay: [IntentOverlay]) -> EscalationPolicy {
        var policy = self
        for intent in overlay {
            guard let queue = intent.queue, policy.queue(named: queue) != nil, !policy.rules.contains(where: { $0.name == "intent_\(intent.name)" }) else { continue }
            policy.rules.append(EscalationRule(
                name: "intent_\(intent.name)", reason: "Requests of this kind are handled by people", queue: queue,
                condition: .intentIn([intent.name])
            ))
        }
        return policy
    }
}
