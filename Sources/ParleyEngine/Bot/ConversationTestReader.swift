import Foundation
import ParleyLearning

/// Reads the bot's conversation tests (`tests/*.yml` in the bot directory):
///
/// ```yaml
/// conversations:
///   - name: order status with its number
///     steps:
///       - user: "What is the status of order #12345?"
///         intent: order_status
/// ```
///
/// A missing directory means no tests; a wrong file is an error naming it.
enum ConversationTestReader {
    static func load(botDirectory: URL, knownIntents: Set<String>) throws(EngineError) -> [ConversationTest] {
        let directory = botDirectory.appendingPathComponent("tests")
        guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
        var tests: [ConversationTest] = []
        for file in try BotLoader.dataFiles(in: directory) where file.pathExtension != "csv" {
            let root = try YAMLNode.load(file)
            for (key, value) in try root.mapping(allowed: ["version", "conversations"]) where key == "conversations" {
                for item in try value.sequence() {
                    let fields = try item.dictionary(allowed: ["name", "steps"])
                    guard let name = fields["name"], let steps = fields["steps"] else { throw item.fail("a conversation needs a name and steps") }
                    var parsed: [ConversationTest.Step] = []
                    for step in try steps.sequence() {
                        let stepFields = try step.dictionary(allowed: ["user", "intent"])
                        guard let user = stepFields["user"], let intent = stepFields["intent"] else { throw step.fail("a step needs user and intent") }
                        let intentName = try intent.nonEmptyString()
                        guard knownIntents.contains(intentName) else { throw intent.fail("intent '\(intentName)' is not in the domain") }
                        parsed.append(.init(text: try user.nonEmptyString(), intent: intentName))
                    }
                    tests.append(ConversationTest(name: try name.nonEmptyString(), steps: parsed))
                }
            }
        }
        return tests
    }
}
