import ArgumentParser
import Foundation
import ParleyEngine
import ParleyNLU

/// `parley nlu parse "text"`: the intent ranking and entities of one message.
struct NLUParse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print the intent ranking and entities the model finds in a text."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The text to parse.")
    var text: String

    @Option(help: "A model file to use instead of the active model.")
    var model: String?

    @Flag(help: "Print JSON (Rasa's parse shape).")
    var json = false

    func run() async throws {
        let configuration = try global.load()
        let logger = global.logger(configuration)
        let loaded = try await CommandContext.model(file: model, global: global, configuration: configuration, logger: logger)
        let encoder = loaded.hybrid == nil ? nil : EngineBootstrap(configuration: configuration, logger: logger).loadEncoder()
        let result = try NLUCascade.parser(model: loaded, encoder: encoder, logger: logger).parse(text)
        if json {
            try printJSON(ParseOutput(result))
        } else {
            print("stage \(result.stage.rawValue)\(result.outOfScope ? ", out of scope" : "")")
            for score in result.ranking.scores.prefix(5) {
                print(String(format: "%-20@ %.3f", score.name as NSString, score.confidence))
            }
            for entity in result.entities {
                print("entity \(entity.entity)=\(entity.value) [\(entity.start),\(entity.end)) via \(entity.extractor)")
            }
        }
    }

    struct ParseOutput: Encodable {
        struct Intent: Encodable { let name: String; let confidence: Double }
        let text: String
        let intent: Intent
        let intentRanking: [Intent]
        let entities: [Entity]
        /// Which stage decided: `linear`, `hybrid` or `linear_only`.
        let stage: String
        let outOfScope: Bool

        init(_ result: ParseResult) {
            text = result.text
            intent = Intent(name: result.intent.name, confidence: result.intent.confidence)
            intentRanking = result.ranking.scores.map { Intent(name: $0.name, confidence: $0.confidence) }
            entities = result.entities
            stage = result.stage.rawValue
            outOfScope = result.outOfScope
        }

        enum CodingKeys: String, CodingKey {
            case text, intent, intentRanking = "intent_ranking", entities, stage, outOfScope = "out_of_scope"
        }
    }
}
