import ParleyDialogue
import ParleyNLU

/// A bot as admins write it: domain, rules, NLU data and settings, loaded
/// from a bot directory by ``BotLoader``.
public struct Bot: Sendable {
    public var domain: Domain
    public var rules: [Rule]
    public var trainingData: NLUTrainingData
    public var dialogueSettings: DialogueSettings
    public var hyperParameters: ClassifierHyperParameters
    /// Answer order questions only for a customer the channel identified
    /// (`orders.require_customer` in config.yml). Without it, anyone who knows
    /// an order number learns its status and shipping details.
    public var ordersRequireCustomer = false
    /// Where the bot was loaded from, for messages.
    public var source: String
}
