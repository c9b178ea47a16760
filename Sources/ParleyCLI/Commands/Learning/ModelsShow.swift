import ArgumentParser
import Foundation
import ParleyAudit
import ParleyEngine
import ParleyLearning
import ParleyServer

struct ModelsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "A version's metadata, training data by source, gate report and lineage."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The model version.")
    var version: String

    @Flag(help: "List the labelled turns it was trained on (conversation, turn, source, intent).")
    var labels = false

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let (data, learning) = try await CommandContext(global).openLearning()
        defer { try? data.store.close() }
        let detail = try await learning.detail(version)
        try await data.audit.record(Principal.localUser().event("model.show", target: try? AuditTarget(kind: "model", id: version)))
        let lineage = labels ? try await learning.labels(of: version, by: .localUser()) : []
        if json { return try printJSON(ModelDetailView(detail)) }
        let record = detail.record
        print("version:        \(record.version)")
        print("status:         \(record.status.rawValue)\(detail.isShadow ? " (shadow)" : "")\(record.forced ? " (forced)" : "")")
        print("parent:         \(record.parent ?? "-")")
        print("created:        \(CommandDate.format(record.createdAt)) by \(record.createdBy)")
        if let by = record.promotedBy, let at = record.promotedAt { print("promoted:       \(CommandDate.format(at)) by \(by)") }
        print("training data:  \(record.trainingDataSHA256)")
        print("examples:       \(record.counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        print("intents:        \(record.intents.count)")
        print("labelled turns: \(detail.labels)")
        if !detail.erasures.isEmpty { print("trained on data erased since: \(detail.erasures.joined(separator: ", "))") }
        if !detail.fileExists { print("file:           missing (removed by retention?)") }
        if let gate = record.gate, let report = try? JSONDecoder().decode(GateReport.self, from: Data(gate.utf8)) {
            report.lines().forEach { print($0) }
        }
        for label in lineage { print("  \(label.conversationID)#\(label.seq)  \(label.source.rawValue)  \(label.intent)") }
    }
}
