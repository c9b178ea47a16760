import ArgumentParser

/// `parley nlu ...`: language understanding tools.
struct NLU: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nlu",
        abstract: "Language understanding tools.",
        subcommands: [NLUParse.self]
    )
}
