import ArgumentParser

/// `parley review ...`: the queue of turns the bot was unsure of.
struct Review: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, label or dismiss the turns the bot was unsure of (the review queue).",
        subcommands: [ReviewList.self, ReviewLabel.self, ReviewDismiss.self]
    )
}
