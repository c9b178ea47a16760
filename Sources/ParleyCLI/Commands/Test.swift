import ArgumentParser

/// `parley test ...`: evaluation of the bot's models.
struct Test: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate models (as 'rasa test' does).",
        subcommands: [TestNLU.self]
    )
}
