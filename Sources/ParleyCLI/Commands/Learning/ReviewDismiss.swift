import ArgumentParser
import ParleyEngine

struct ReviewDismiss: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dismiss", abstract: "Close a review item without a label.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The review item's id.")
    var id: Int64

    func run() async throws {
        let (data, learning) = try await CommandContext(global).openLearning()
        defer { try? data.store.close() }
        try await learning.dismissReviewItem(id: id, by: .localUser())
        print("dismissed \(id)")
    }
}
