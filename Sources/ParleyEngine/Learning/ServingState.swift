import ParleyDialogue
import ParleyEscalation
import ParleyNLU
import Synchronization

/// Everything one turn is handled with: a model, its parser, and the bot
/// (with the intents added in the store) it answers with. A turn reads it
/// once, so it is handled wholly by one model even while another is promoted.
struct ServingState: Sendable {
    /// The store's model generation this state was built from (0: not from the store).
    let generation: Int64
    let model: NLUModel
    let parser: NLUParser
    let bot: Bot
    let dialogue: DialoguePolicy
    let escalation: EscalationPolicy
    /// A candidate parsing beside the model, never answering.
    let shadow: NLUParser?

    var version: String { model.metadata.version }

    /// Checks that the model fits the bot: it knows every intent of the bot's
    /// files, and no intent outside the domain. An intent added in the store
    /// may still wait for a model that knows it (it is then never predicted).
    init(
        generation: Int64, model: NLUModel, parser: NLUParser, bot: Bot, addedIntents: Set<String>, escalation: EscalationPolicy,
        shadow: NLUParser?
    ) throws(EngineError) {
        let dialogue: DialoguePolicy
        do { dialogue = try DialoguePolicy(domain: bot.domain, rules: bot.rules, settings: bot.dialogueSettings) } catch {
            throw .configuration(file: bot.source, line: nil, key: nil, reason: error.description)
        }
        try Self.check(model: model, bot: bot, addedIntents: addedIntents)
        self.generation = generation
        self.model = model
        self.parser = parser
        self.bot = bot
        self.dialogue = dialogue
        self.escalation = escalation
        self.shadow = shadow
    }

    static func check(model: NLUModel, bot: Bot, addedIntents: Set<String>) throws(EngineError) {
        let known = Set(model.metadata.intents)
        let declared = Set(bot.domain.intents)
        let unknown = known.subtracting(declared).union(declared.subtracting(addedIntents).subtracting(known))
        if !unknown.isEmpty {
            throw .modelUnavailable("the active model was trained for other intents than the bot declares (\(unknown.sorted().prefix(3).joined(separator: ", "))); retrain with 'parley train'")
        }
    }
}

/// The state turns are handled with, swapped whole by a promotion or rollback.
final class ServingSlot: Sendable {
    private let state: Mutex<ServingState>

    init(_ state: ServingState) {
        self.state = Mutex(state)
    }

    var current: ServingState { state.withLock { $0 } }

    func replace(_ next: ServingState) {
        state.withLock { $0 = next }
    }
}
