import ArgumentParser
import Foundation
import ParleyEngine

/// `parley train`: trains the bot's NLU model and writes a versioned model file.
struct Train: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train the NLU model from the bot's data (and the agents' labels) and activate it, without a gate.",
        discussion: """
            The model is written to <data dir>/models/<version>.parleymodel and registered; like every model it \
            is trained without the frozen held-out split. With the sentence encoder (paths.encoder_file), the \
            model gets the NLU cascade's hybrid stage; the training texts' embeddings are cached, sealed, in \
            <data dir>/models/embeddings.cache, so retraining embeds only new texts. It serves at once (a running \
            server swaps within a second); use 'parley learn' to promote only a model that passes the gate. A \
            domain intent without examples is refused, and named.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Do not add the agents' labels (resolutions, review, corrections) to the training data.")
    var noFeedback = false

    @Flag(help: "Write the model but keep the current one active.")
    var noActivate = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() async throws {
        let context = try CommandContext(global)
        let (data, learning) = try await context.openLearning()
        defer { try? data.store.close() }
        let (model, set) = try await learning.train(activate: !noActivate, useLabels: !noFeedback, by: .localUser())
        let metadata = model.metadata
        let path = context.bootstrap.models.url(of: metadata.version).path
        if json {
            try printJSON(TrainResult(
                version: metadata.version, path: path, active: !noActivate,
                examples: metadata.trainingExampleCount, intents: metadata.intents.count,
                contentHash: metadata.contentHash, trainingDataHash: metadata.trainingDataHash, counts: set.counts
            ))
        } else {
            print("trained \(metadata.version) on \(metadata.trainingExampleCount) examples of \(metadata.intents.count) intents\(noActivate ? "" : " (active)")")
            print(path)
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
        /// Examples by source, and those held out for the gate.
        let counts: [String: Int]

        enum CodingKeys: String, CodingKey {
            case version, path, active, examples, intents, counts
            case contentHash = "content_hash", trainingDataHash = "training_data_hash"
        }
    }
}
