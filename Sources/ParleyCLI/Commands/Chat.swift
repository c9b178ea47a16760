import ArgumentParser
import Foundation
import ParleyEngine

/// `parley chat`: a conversation in the terminal through the same pipeline.
struct Chat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Talk to the bot in the terminal, through the same pipeline as the server.",
        discussion: "Type a message and press Enter; /quit or end of input leaves. Turns are stored like any other conversation."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Conversation id (default: a new one).")
    var conversation: String?

    @Option(name: .customLong("customer"), help: "Customer id of the firm's CRM, e.g. C-1001.")
    var customerID: String?

    @Flag(help: "Also print the intent, confidence and entities of each message.")
    var debug = false

    func run() async throws {
        let configuration = try global.load()
        let logger = global.logger(configuration)
        let bootstrap = EngineBootstrap(configuration: configuration, logger: logger)
        try bootstrap.prepareDataDirectory()
        try bootstrap.recoverInterruptedRotation()
        let lock = try DataDirectoryLock.acquire(configuration.paths.dataDirectory, exclusive: false)
        defer { withExtendedLifetime(lock) {} }
        let engine = try await bootstrap.engine(trainIfMissing: true)
        let conversationID = conversation ?? "chat-\(UUID().uuidString.prefix(8).lowercased())"
        try Identifier.validate(conversationID, what: "conversation id")
        print("Chatting in conversation \(conversationID). Type /quit to leave.")
        while true {
            FileHandle.standardOutput.write(Data("you> ".utf8))
            guard let line = readLine(strippingNewline: true) else { break }
            let text = line.trimmingCharacters(in: .whitespaces)
            if text == "/quit" || text == "/exit" { break }
            if text.isEmpty { continue }
            await say(text, engine: engine, conversationID: conversationID)
        }
    }

    private func say(_ text: String, engine: ParleyEngine, conversationID: String) async {
        let result: TurnResult
        do {
            result = try await engine.handle(IncomingMessage(
                conversationID: conversationID, text: text, customerID: customerID, channel: .localUser()
            ))
        } catch {
            print("error: \(error.description)")
            return
        }
        if debug {
            let entities = result.entities.map { "\($0.entity)=\($0.value)" }.joined(separator: ", ")
            print("      [\(result.intent.name) \(String(format: "%.2f", result.intent.confidence))\(entities.isEmpty ? "" : "; \(entities)")]")
        }
        for reply in result.replies { print("bot> \(reply)") }
        if let handoff = result.handoff {
            print(result.replies.isEmpty ? "      [with a human agent in queue \(handoff.queue); the bot stays silent]"
                                         : "      [handed off to queue \(handoff.queue): \(handoff.reason)]")
        }
    }
}
