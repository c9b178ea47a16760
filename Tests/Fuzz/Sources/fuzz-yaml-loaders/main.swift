import Foundation
import FuzzSupport
@testable import ParleyDialogue
@testable import ParleyEngine
import ParleyNLU

/// The YAML loaders on any text. The first byte picks the reader (the seeds
/// are the shipped files, each behind its reader's byte); the rest is the
/// file. Each reader either returns or throws an `EngineError`; none traps.
enum YAMLReader: Int, CaseIterable {
    case domain, botData, botConfig, conversationTests, piiPolicy, escalationPolicy, retentionPolicy, parleyConfiguration
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLLoaders(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let (choice, rest) = FuzzInput(data, size).selector(among: YAMLReader.allCases.count)
    let text = String(decoding: rest, as: UTF8.self)
    do {
        switch YAMLReader(rawValue: choice) ?? .domain {
        case .domain:
            _ = try DomainReader.read(YAMLNode.parse(text, file: "domain.yml"))
        case .botData:
            // As BotLoader reads bot/data/*.yml.
            for (key, value) in try YAMLNode.parse(text, file: "nlu.yml").mapping(allowed: ["version", "nlu", "rules", "stories"]) {
                if key == "nlu" { _ = try NLUDataReader.read(value) }
                if key == "rules" { _ = try RulesReader.read(value) }
            }
        case .botConfig:
            var settings = DialogueSettings()
            var hyperParameters = ClassifierHyperParameters()
            var ordersRequireCustomer = false
            try BotConfigReader.read(
                YAMLNode.parse(text, file: "config.yml"), settings: &settings, hyperParameters: &hyperParameters,
                ordersRequireCustomer: &ordersRequireCustomer
            )
        case .conversationTests:
            let bot = FuzzPaths.scratch.appendingPathComponent("bot", isDirectory: true)
            let tests = bot.appendingPathComponent("tests", isDirectory: true)
            try? FileManager.default.createDirectory(at: tests, withIntermediateDirectories: true)
            do { try Data(rest).write(to: tests.appendingPathComponent("conversations.yml")) } catch { fatalError("the fuzz scratch file cannot be written") }
            _ = try ConversationTestReader.load(botDirectory: bot, knownIntents: ["greet", "order_status"])
        case .piiPolicy:
            _ = try PIIPolicyReader.load(FuzzPaths.scratchFile("pii.yml", rest))
        case .escalationPolicy:
            _ = try EscalationPolicyReader.read(YAMLNode.parse(text, file: "escalation.yml"))
        case .retentionPolicy:
            _ = try RetentionPolicyReader.read(text, file: "retention.yml")
        case .parleyConfiguration:
            let file = FuzzPaths.scratchFile("parley.yml", rest)
            _ = try ParleyConfiguration.load(from: file, layout: .checkout(root: FuzzPaths.scratch), environment: [:])
        }
    } catch {
        // A rejected file is the expected outcome for most inputs.
    }
    return 0
}

@_cdecl("fuzz_yaml_loaders_main")
public func fuzzYAMLLoadersMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzYAMLLoaders)
}
