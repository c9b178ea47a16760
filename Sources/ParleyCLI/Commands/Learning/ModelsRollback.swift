import ArgumentParser
import ParleyEngine
import ParleyServer

struct ModelsRollback: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback", abstract: "Return to the model that was active before the current one (which is marked rejected)."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let (data, learning) = try await CommandContext(global).openLearning()
        defer { try? data.store.close() }
        let outcome = try await learning.rollback(by: .localUser())
        if json { return try printJSON(PromotionView(outcome)) }
        print("rolled back to \(outcome.version) (from \(outcome.previous ?? "none"))")
    }
}
