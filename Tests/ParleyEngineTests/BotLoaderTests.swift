import Foundation
import ParleyEngine
import ParleyTestSupport
import Testing

@Suite struct BotLoaderTests {
    @Test func starterBotLoadsWithEnoughExamplesPerIntent() throws {
        let bot = try StarterBot.bot()
        #expect(bot.domain.intents.count >= 14)
        for intent in bot.domain.intents {
            #expect(bot.trainingData.intentCounts[intent, default: 0] >= 20, "intent \(intent)")
        }
        #expect(bot.trainingData.entityRules.regexes.contains { $0.entity == "order_id" })
        #expect(bot.trainingData.entityRules.synonyms["billing"]?.contains("invoice") == true)
    }

    private func botDirectory(domain: String, nlu: String, csv: String? = nil) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("data"), withIntermediateDirectories: true)
        try domain.write(to: directory.appendingPathComponent("domain.yml"), atomically: true, encoding: .utf8)
        try nlu.write(to: directory.appendingPathComponent("data/nlu.yml"), atomically: true, encoding: .utf8)
        if let csv { try csv.write(to: directory.appendingPathComponent("data/extra.csv"), atomically: true, encoding: .utf8) }
        return directory
    }

    private let domain = """
        intents: [greet, bye]
        responses:
          utter_greet:
            - text: hi
          utter_default:
            - text: pardon?
        """

    @Test func csvAndYAMLExamplesAreMerged() throws {
        let directory = try botDirectory(
            domain: domain,
            nlu: "nlu:\n  - intent: greet\n    examples: |\n      - hello\n      - hi\n",
            csv: "text,label\n\"bye, then\",bye\nsee you,bye\n"
        )
        let bot = try BotLoader.load(from: directory)
        #expect(bot.trainingData.intentCounts == ["greet": 2, "bye": 2])
        #expect(bot.trainingData.examples.contains { $0.text == "bye, then" })
    }

    @Test func exampleOfUndeclaredIntentIsAnError() throws {
        let directory = try botDirectory(
            domain: domain,
            nlu: "nlu:\n  - intent: greet\n    examples: |\n      - hello\n  - intent: shout\n    examples: |\n      - HEY\n",
            csv: "text,label\nbye,bye\n"
        )
        #expect(throws: EngineError.self) { try BotLoader.load(from: directory) }
    }

    @Test func malformedExampleBlockNamesTheFileAndLine() throws {
        let directory = try botDirectory(domain: domain, nlu: "nlu:\n  - intent: greet\n    examples: |\n      hello without dash\n")
        let (file, line, key, _) = try #require(configurationError { _ = try BotLoader.load(from: directory) }, "a malformed example block was accepted")
        #expect(file.hasSuffix("data/nlu.yml"))
        #expect(line == 3)
        #expect(key == "nlu[0].examples")
    }

    @Test func csvWithWrongFieldCountNamesTheLine() throws {
        let directory = try botDirectory(
            domain: domain,
            nlu: "nlu:\n  - intent: greet\n    examples: |\n      - hello\n",
            csv: "text,label\nbye,bye\nsee,you,later\n"
        )
        #expect(throws: EngineError.configuration(file: directory.appendingPathComponent("data/extra.csv").path, line: 3, key: nil, reason: "expected 2 fields, found 3")) {
            try BotLoader.load(from: directory)
        }
    }

    @Test func escalationPolicyWithUnknownQueueIsAnError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("escalation-\(UUID().uuidString).yml")
        try """
            queues:
              general: { response: utter_handoff_general }
            rules:
              - name: r
                reason: x
                queue: billing
                when: { intent_in: [complaint] }
            """.write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: EngineError.self) { try EscalationPolicyReader.load(url) }
    }
}
