import ArgumentParser
import Foundation
import ParleyEngine

/// `parley train`: trains the bot's NLU model and writes a versioned model file.
struct Train: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train the NLU model from the bot's data (and the agents' feedback) and activate it.",
        discussion: "The model is written to <data dir>/models/<version>.parleymodel. With the sentence encoder (paths.encoder_file), the model gets the NLU cascade's hybrid stage; the training texts' embeddings are cached, sealed, in <data dir>/models/embeddings.cache, so retraining embeds only new texts. A running server picks a new model up on restart."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Do not add the agents' resolved-handoff feedback to the training data.")
    var noFeedback = false

    @Flag(help: "Write the model but keep the current one active.")
    var noActivate = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() async throws {
        let configuration = try global.load()
        let logger = global.logger(configuration)
        let bootstrap = EngineBootstrap(configuration: configuration, logger: logger)
        let bot = try bootstrap.loadBot()
        let data = try CommandContext(global).open()
        let feedback = noFeedback ? [] : try await data.store.feedbackExamples()
        let models = try await bootstrap.models(store: data.store)
        let model = try bootstrap.trainModel(bot: bot, feedback: feedback, encoder: bootstrap.loadEncoder(), models: models)
        try models.save(model, activate: !noActivate)
        try await Training.recordTrained(model, feedback: feedback, bot: bot, activated: !noActivate, by: .localUser(), audit: data.audit)
        let metadata = model.metadata
        if json {
            try printJSON(TrainResult(
                version: metadata.version, path: bootstrap.models.url(of: metadata.version).path, active: !noActivate,
                examples: metadata.trainingExampleCount, intents: metadata.intents.count,
                contentHash: metadata.contentHash, trainingDataHash: metadata.trainingDataHash
            ))
        } else {
            print("trained \(metadata.version) on \(metadata.trainingExampleCount) examples of \(metadata.intents.count) intents\(noActivate ? "" : " (active)")")
            print(bootstrap.models.url(of: metadata.version).path)
        }
    }

    struct TrainResult: Encodable {
        let version: String
        let path: String
        let active: Bool
        let examples: Int
        let intents: Int
        let contentHash: String
        let trainingDataHash: String

        enum CodingKeys: String, CodingKey {
            case version, path, active, examples, intents
            case contentHash = "content_hash", trainingDataHash = "training_data_hash"
        }
    }
}
