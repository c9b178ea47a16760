import ArgumentParser
import ParleyEngine
import ParleyServer

struct ModelsShadow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shadow",
        abstract: "Run a version beside the active model on live traffic (it parses, never answers), or stop shadow mode.",
        discussion: "Compare with 'parley models shadow-report'. A running server starts or stops it within a second."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The model version to run in shadow.")
    var version: String?

    @Flag(help: "Stop shadow mode.")
    var stop = false

    func validate() throws {
        guard (version == nil) == stop else { throw ValidationError("give a version, or --stop") }
    }

    func run() async throws {
        let (data, learning) = try await CommandContext(global).openLearning()
        defer { try? data.store.close() }
        let state = try await learning.shadow(stop ? nil : version, by: .localUser())
        print(state.shadowVersion.map { "\($0) runs in shadow beside \(state.activeVersion ?? "none")" } ?? "shadow mode stopped")
    }
}
