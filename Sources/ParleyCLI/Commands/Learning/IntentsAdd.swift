import ArgumentParser
import ParleyEngine
import ParleyServer

struct IntentsAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an intent to the domain (kept in the store), answered with a response or handed to a queue.",
        discussion: "The bot's files are not edited. The next model trained learns the intent from its labels ('parley learn'); a running server answers it once that model is promoted."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The intent's name.")
    var name: String

    @Option(help: "What the bot answers (utter_<name>).")
    var response: String?

    @Option(help: "Hand the conversation to this queue instead of answering.")
    var queue: String?

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard (response == nil) != (queue == nil) else { throw ValidationError("give either --response or --queue") }
    }

    func run() async throws {
        let (data, learning) = try await CommandContext(global).openLearning()
        defer { try? data.store.close() }
        let overlay = try await learning.addIntent(name, response: response, queue: queue, by: .localUser())
        if json { return try printJSON(IntentView(overlay)) }
        print("added \(name) to the domain; run 'parley learn' to train a model that knows it")
    }
}
