import ArgumentParser
import ParleyEngine
import ParleyServer

/// `parley label`: corrects the intent of any stored customer turn.
struct Label: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Label any stored customer turn with its intent (and entities): a correction the next model learns from."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The conversation id.")
    var conversation: String

    @Option(help: "The turn number (as in the transcript).")
    var seq: Int

    @OptionGroup var label: LabelOptions

    func run() async throws {
        let entities = try EntityArgument.parse(label.entity)
        let (data, learning) = try await CommandContext(global).openLearning()
        defer { try? data.store.close() }
        let outcome = try await learning.labelTurn(
            conversationID: conversation, seq: seq, intent: label.intent, entities: entities, newIntent: label.newIntent, by: .localUser()
        )
        let previous = outcome.previous.map { " (was \($0.intent))" } ?? ""
        try label.report(outcome, as: "labelled \(conversation)#\(seq) as \(label.intent)\(previous)")
    }
}
