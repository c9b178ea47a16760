import ArgumentParser

/// `parley intents ...`: intents that labels named before the domain knew them.
struct Intents: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Candidate intents: list them, add one to the domain, or map one onto an existing intent.",
        subcommands: [IntentsCandidates.self, IntentsAdd.self, IntentsMap.self]
    )
}
