import ArgumentParser
import ParleyEngine
import ParleyServer

struct ModelsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List model versions, newest first.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let (data, learning) = try await CommandContext(global).openLearning()
        defer { try? data.store.close() }
        let records = try await learning.registry()
        let shadow = try await learning.state()?.shadowVersion
        try await data.audit.record(Principal.localUser().event("model.list"))
        if json { return try printJSON(records.map { ModelSummaryView($0, shadow: shadow) }) }
        for record in records {
            let gate = record.gatePassed.map { $0 ? "gate passed" : "gate failed" } ?? "no gate"
            let examples = record.counts.values.reduce(0, +)
            print("\(record.version)  \(record.status.rawValue)\(record.version == shadow ? " (shadow)" : "")  \(gate)\(record.forced ? " (forced)" : "")  parent \(record.parent ?? "-")  \(examples) examples")
        }
    }
}
