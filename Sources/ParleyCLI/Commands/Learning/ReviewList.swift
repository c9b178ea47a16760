import ArgumentParser
import Foundation
import ParleyEngine
import ParleyServer

struct ReviewList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List open review items with their redacted text (the read is audited)."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only items of this reason: low_confidence, ambiguous, fallback or handoff.")
    var reason: String?

    @Option(help: "At most this many items (1-500).")
    var limit = 50

    @Option(help: "Items after this id (paging).")
    var after: Int64 = 0

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let (data, learning) = try await CommandContext(global).openLearning()
        defer { try? data.store.close() }
        let page = try await learning.reviewItems(reason: reason, limit: limit, afterID: after, by: .localUser())
        if json {
            try printJSON(page.items.map(ReviewItemView.init))
            return
        }
        for item in page.items {
            let confidence = item.confidence.map { String(format: "%.2f", $0) } ?? "-"
            print("\(item.id)  \(item.reason)  \(item.predictedIntent ?? "-") \(confidence)  x\(item.occurrences)  \(item.conversationID)#\(item.seq)  \(item.text ?? "")")
        }
        let open = page.open.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("open: \(open.isEmpty ? "none" : open)")
    }
}
