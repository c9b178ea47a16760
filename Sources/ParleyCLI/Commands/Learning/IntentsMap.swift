import ArgumentParser
import ParleyEngine

struct IntentsMap: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map", abstract: "Map a candidate intent onto an existing one: its labels are relabelled."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The candidate intent.")
    var name: String

    @Option(help: "The existing intent its labels become.")
    var to: String

    func run() async throws {
        let (data, learning) = try await CommandContext(global).openLearning()
        defer { try? data.store.close() }
        let moved = try await learning.mapIntent(name, to: to, by: .localUser())
        print("mapped \(name) to \(to): \(moved) labels relabelled")
    }
}
