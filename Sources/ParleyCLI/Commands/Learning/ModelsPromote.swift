import ArgumentParser
import ParleyEngine
import ParleyServer

struct ModelsPromote: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote",
        abstract: "Make a version the active model (a candidate must have passed its gate).",
        discussion: "A candidate never judged is judged now. --force promotes a rejected or failing version anyway; the audit trail records it as forced."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The model version.")
    var version: String

    @Flag(help: "Promote even though the gate failed (audited as forced).")
    var force = false

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let (data, learning) = try await CommandContext(global).openLearning()
        defer { try? data.store.close() }
        let outcome = try await learning.promote(version, force: force, by: .localUser())
        if json { return try printJSON(PromotionView(outcome)) }
        outcome.report?.lines().forEach { print($0) }
        print("\(outcome.version) is active (was \(outcome.previous ?? "none")\(outcome.kind == .force ? "; forced" : ""))")
    }
}
