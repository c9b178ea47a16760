import ParleyDialogue
import ParleyNLU

/// Reads the bot's `config.yml`: NLU hyper-parameters (defaults are the tuned
/// ones; set only what you must) and dialogue settings.
enum BotConfigReader {
    static func read(
        _ root: YAMLNode, settings: inout DialogueSettings, hyperParameters: inout ClassifierHyperParameters,
        ordersRequireCustomer: inout Bool
    ) throws(EngineError) {
        for (key, value) in try root.mapping(allowed: ["version", "language", "nlu", "dialogue", "orders"]) {
            switch key {
            case "language":
                guard try value.nonEmptyString() == "en" else { throw value.fail("only en is supported by the starter pipeline") }
            case "nlu":
                let allowed: Set<String> = ["epochs", "head", "c", "learning_rate", "l2", "seed", "word_ngrams", "char_ngrams", "min_df", "char_weight"]
                for (key, value) in try value.mapping(allowed: allowed) {
                    switch key {
                    case "epochs": hyperParameters.epochs = try value.int(in: 1...1000)
                    case "head":
                        guard let head = ClassifierHead(rawValue: try value.nonEmptyString()) else {
                            throw value.fail("expected one of \(ClassifierHead.allCases.map(\.rawValue).joined(separator: ", "))")
                        }
                        hyperParameters.head = head
                    case "c": hyperParameters.regularization = Float(try value.double(in: 0.000_001...1000))
                    case "learning_rate": hyperParameters.learningRate = Float(try value.double(in: 0.000_001...100))
                    case "l2": hyperParameters.l2 = Float(try value.double(in: 0...1))
                    case "seed": hyperParameters.seed = UInt64(try value.int(in: 0...Int.max))
                    case "min_df": hyperParameters.features.minDocumentFrequency = try value.int(in: 1...1000)
                    case "char_weight": hyperParameters.features.charBlockWeight = Float(try value.double(in: 0...10))
                    case "word_ngrams":
                        let range = try pair(value, in: 1...4)
                        hyperParameters.features.wordNGramMin = range.0
                        hyperParameters.features.wordNGramMax = range.1
                    default:
                        let range = try pair(value, in: 1...8)
                        hyperParameters.features.charNGramMin = range.0
                        hyperParameters.features.charNGramMax = range.1
                    }
                }
            case "orders":
                for (_, value) in try value.mapping(allowed: ["require_customer"]) {
                    ordersRequireCustomer = try value.bool()
                }
            case "dialogue":
                for (key, value) in try value.mapping(allowed: ["fallback_threshold", "inform_intents"]) {
                    if key == "fallback_threshold" {
                        settings.fallbackThreshold = try value.double(in: 0...1)
                    } else {
                        settings.informIntents = Set(try value.strings())
                    }
                }
            default:
                break
            }
        }
    }

    private static func pair(_ value: YAMLNode, in range: ClosedRange<Int>) throws(EngineError) -> (Int, Int) {
        let items = try value.sequence()
        guard items.count == 2 else { throw value.fail("expected [min, max]") }
        let low = try items[0].int(in: range)
        let high = try items[1].int(in: range)
        guard low <= high else { throw value.fail("min must not exceed max") }
        return (low, high)
    }
}
