import ArgumentParser
import Foundation
import ParleyEngine

/// `parley keys ...`: the master key.
struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the master key (never printed).",
        subcommands: [KeysInit.self, KeysStatus.self]
    )
}

struct KeysInit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new random master key (keys directory 0700, key file 0600)."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let configuration = try global.load()
        let directory = KeyDirectory(url: configuration.paths.keysDirectory)
        let description = try directory.initialize()
        print("created master key \(description.keyID) in \(configuration.paths.keysDirectory.path)")
    }
}

struct KeysStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Key id, creation time and algorithms; no secret."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let configuration = try global.load()
        let directory = KeyDirectory(url: configuration.paths.keysDirectory)
        guard let description = try directory.description() else {
            throw EngineError.keys("no master key in \(configuration.paths.keysDirectory.path); run 'parley keys init'")
        }
        if json {
            try printJSON(description)
        } else {
            print("key id:     \(description.keyID)")
            print("created:    \(description.createdAt.formatted(.iso8601))")
            print("source:     \(description.source)")
            for (name, algorithm) in description.algorithms.sorted(by: { $0.key < $1.key }) {
                print("\(name): \(algorithm)")
            }
        }
    }
}
