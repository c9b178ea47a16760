import Foundation
import ParleyNLU

/// A bot directory for BANKING77: its intents, a response per intent, the
/// initial share of train.csv as its own examples, and an escalation policy
/// with the starter bot's doubt rules.
enum BankingBot {
    static func write(to root: URL, examples: [LabeledUtterance], intents: [String]) throws {
        let bot = root.appendingPathComponent("bot")
        let data = bot.appendingPathComponent("data")
        let policies = root.appendingPathComponent("policies")
        for directory in [data, policies] { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
        var domain = "version: \"3.1\"\nintents:\n" + intents.map { "  - \($0)\n" }.joined()
        domain += "responses:\n"
        for intent in intents { domain += "  utter_\(intent):\n    - text: \"Answer for \(intent).\"\n" }
        domain += "  utter_default:\n    - text: \"Sorry, could you rephrase that?\"\n"
        domain += "  utter_handoff:\n    - text: \"I will connect you with a colleague.\"\n"
        try domain.write(to: bot.appendingPathComponent("domain.yml"), atomically: true, encoding: .utf8)
        let csv = "text,label\n" + examples.map { IntentCSV.formatRecord([$0.text, $0.intent]) + "\n" }.joined()
        try csv.write(to: data.appendingPathComponent("train.csv"), atomically: true, encoding: .utf8)
        try "version: 1\nlanguage: en\ndialogue:\n  fallback_threshold: 0.40\n".write(
            to: bot.appendingPathComponent("config.yml"), atomically: true, encoding: .utf8
        )
        let escalation = """
            version: 1
            default_queue: general
            queues:
              general: { description: Customer service, response: utter_handoff }
            rules:
              - name: repeated_fallback
                reason: The bot did not understand the customer twice in a row
                when: { consecutive_fallbacks_at_least: 2 }
              - name: low_confidence
                reason: The bot could not understand the message at all
                when: { confidence_below: 0.15 }
              - name: ambiguous
                reason: The message fits two different requests equally well
                when: { margin_below: 0.02 }

            """
        try escalation.write(to: policies.appendingPathComponent("escalation.yml"), atomically: true, encoding: .utf8)
    }
}
