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

    @Option(help: "The intent the message has.")
    var intent: String

    @Option(help: "An entity in the redacted text as NAME:START:END (Unicode scalar offsets); repeat for more.")
    var entity: [String] = []

    @Flag(help: "The intent is new: it waits as a candidate until an admin adds it to the domain or maps it.")
    var newIntent = false

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let entities = try EntityArgument.parse(entity)
        let (data, learning) = try await CommandContext(global).openLearning()
        defer { try? data.store.close() }
        let outcome = try await learning.labelReviewItem(id: id, intent: intent, entities: entities, newIntent: newIntent, by: .localUser())
        if json { return try printJSON(LabelView(outcome)) }
        print("labelled \(outcome.label.conversationID)#\(outcome.label.seq) as \(outcome.label.intent)\(outcome.proposedIntent ? " (a candidate intent: add it with 'parley intents add')" : "")")
    }
}
