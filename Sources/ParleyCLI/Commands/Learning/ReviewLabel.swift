import ArgumentParser
import Foundation
import ParleyEngine
import ParleyServer

struct ReviewLabel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "label", abstract: "Confirm or correct the intent (and entities) of a review item's turn."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The review item's id.")
    var id: Int64

    @OptionGroup var label: LabelOptions

    func run() async throws {
        let entities = try EntityArgument.parse(label.entity)
        let (data, learning) = try await CommandContext(global).openLearning()
        defer { try? data.store.close() }
        let outcome = try await learning.labelReviewItem(
            id: id, intent: label.intent, entities: entities, newIntent: label.newIntent, by: .localUser()
        )
        try label.report(outcome, as: "labelled \(outcome.label.conversationID)#\(outcome.label.seq) as \(outcome.label.intent)")
    }
}
