import Foundation
import ParleyDialogue
import ParleyNLU

/// Loads a bot directory:
///
/// ```
/// config.yml        language, classifier hyper-parameters, fallback threshold
/// domain.yml        intents, entities, slots, responses, forms, actions (Rasa 3 shape)
/// data/*.yml        nlu: (examples, regex, lookup, synonym) and rules: (Rasa 3 shape)
/// data/*.csv        NLU examples as text,label (or text,intent / text,category)
/// crm/*.csv         seed records for the built-in CRM (see CRMImporter)
/// ```
public enum BotLoader {
    public static func load(from directory: URL) throws(EngineError) -> Bot {
        let domainFile = directory.appendingPathComponent("domain.yml")
        guard FileManager.default.fileExists(atPath: domainFile.path) else {
            throw .configuration(file: domainFile.path, line: nil, key: nil, reason: "file not found: is the bot directory right?")
        }
        let domain = try DomainReader.read(YAMLNode.load(domainFile))

        var settings = DialogueSettings()
        var hyperParameters = ClassifierHyperParameters()
        var ordersRequireCustomer = false
        let configFile = directory.appendingPathComponent("config.yml")
        if FileManager.default.fileExists(atPath: configFile.path) {
            try BotConfigReader.read(
                YAMLNode.load(configFile), settings: &settings, hyperParameters: &hyperParameters,
                ordersRequireCustomer: &ordersRequireCustomer
            )
        }

        var data = NLUTrainingData()
        var rules: [Rule] = []
        for file in try dataFiles(in: directory.appendingPathComponent("data")) {
            switch file.pathExtension.lowercased() {
            case "csv":
                data.merge(try NLUDataReader.readCSV(file))
            default:
                let root = try YAMLNode.load(file)
                for (key, value) in try root.mapping(allowed: ["version", "nlu", "rules", "stories"]) {
                    switch key {
                    case "nlu": data.merge(try NLUDataReader.read(value))
                    case "rules": rules += try RulesReader.read(value)
                    case "stories": throw value.fail("stories are not supported; write the flow as rules")
                    default: break
                    }
                }
            }
        }
        try checkIntents(data: data, domain: domain, directory: directory)
        do {
            _ = try DialoguePolicy(domain: domain, rules: rules, settings: settings)
        } catch {
            throw .configuration(file: directory.path, line: nil, key: nil, reason: error.description)
        }
        var bot = Bot(
            domain: domain, rules: rules, trainingData: data, dialogueSettings: settings,
            hyperParameters: hyperParameters, source: directory.path
        )
        bot.ordersRequireCustomer = ordersRequireCustomer
        return bot
    }

    /// NLU data files of a directory, sorted so loading order is stable.
    static func dataFiles(in directory: URL) throws(EngineError) -> [URL] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory.path) } catch {
            throw .configuration(file: directory.path, line: nil, key: nil, reason: "the bot's data directory cannot be read")
        }
        return names.sorted()
            .filter { ["yml", "yaml", "csv"].contains(($0 as NSString).pathExtension.lowercased()) }
            .map { directory.appendingPathComponent($0) }
    }

    private static func checkIntents(data: NLUTrainingData, domain: Domain, directory: URL) throws(EngineError) {
        let declared = Set(domain.intents)
        for intent in data.intents where !declared.contains(intent) {
            throw .configuration(file: directory.appendingPathComponent("domain.yml").path, line: nil, key: "intents",
                                 reason: "the NLU data has examples of intent '\(intent)', which the domain does not declare")
        }
        let counts = data.intentCounts
        for intent in domain.intents where counts[intent, default: 0] == 0 {
            throw .configuration(file: directory.appendingPathComponent("data").path, line: nil, key: nil,
                                 reason: "intent '\(intent)' is declared in the domain but has no examples")
        }
    }
}
