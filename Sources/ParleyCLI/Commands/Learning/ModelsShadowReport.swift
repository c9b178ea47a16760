import ArgumentParser
import ParleyEngine

struct ModelsShadowReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shadow-report",
        abstract: "How the shadow candidate did beside the active model: agreement, confidence shift, where they differ.",
        discussion: "Counts are stored by a running server every two seconds; no text is kept."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "A candidate other than the current shadow.")
    var candidate: String?

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let (data, learning) = try await CommandContext(global).openLearning()
        defer { try? data.store.close() }
        let report = try await learning.shadowReport(candidate: candidate)
        try await data.audit.record(Principal.localUser().event("model.shadow_report", details: ["candidate": report.candidate]))
        if json { return try printJSON(report) }
        report.lines().forEach { print($0) }
    }
}
