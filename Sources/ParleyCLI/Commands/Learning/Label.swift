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
        let outcome = try await learning.labelTurn(
            conversationID: conversation, seq: seq, intent: intent, entities: entities, newIntent: newIntent, by: .localUser()
        )
        if json { return try printJSON(LabelView(outcome)) }
        let previous = outcome.previous.map { " (was \($0.intent))" } ?? ""
        print("labelled \(conversation)#\(seq) as \(intent)\(previous)\(outcome.proposedIntent ? "; a candidate intent: add it with 'parley intents add'" : "")")
    }
}
