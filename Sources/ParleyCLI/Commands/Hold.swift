import ArgumentParser

/// `parley hold ...`: legal holds.
struct Hold: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add, list and release legal holds (they beat retention and erasure).",
        subcommands: [HoldAdd.self, HoldList.self, HoldRelease.self]
    )
}
