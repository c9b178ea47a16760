import ArgumentParser
import ParleyEngine

struct ModelsDiff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "What differs between two versions: intents, examples by source, hyper-parameters, labelled turns."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The older version.")
    var from: String

    @Argument(help: "The newer version.")
    var to: String

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let (data, learning) = try await CommandContext(global).openLearning()
        defer { try? data.store.close() }
        let diff = try await learning.diff(from, to)
        if json { return try printJSON(diff) }
        diff.lines().forEach { print($0) }
    }
}
