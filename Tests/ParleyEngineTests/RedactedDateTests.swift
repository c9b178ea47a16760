import Foundation
import ParleyEngine
import ParleyRedaction
import ParleyTestSupport
import Testing

@Suite struct RedactedDateTests {
    @Test func aRedactedDateStillFillsTheDateEntityButIsNeverStored() async throws {
        let engine = try await StarterBot.engine()
        let result = try await engine.handle(IncomingMessage(
            conversationID: "d-1", text: "my order #12345 should arrive on 14 March, where is it?"))
        #expect(result.redactedText.contains("[DATE]"))
        #expect(!result.redactedText.contains("14 March"))
        let date = try #require(result.entities.first { $0.entity == "date" })
        #expect(date.value == "2026-03-14")
        let placeholder = Array(result.redactedText.unicodeScalars)[date.start..<date.end]
        #expect(String(String.UnicodeScalarView(placeholder)) == "[DATE]")
        let transcript = try await engine.transcript(conversationID: "d-1")
        #expect(!transcript.turns.contains { $0.text?.contains("14 March") == true })
    }

    @Test func parseAPIReadsRedactedDatesToo() async throws {
        let engine = try await StarterBot.engine()
        let parse = engine.parse("can you deliver on 2026-03-20?")
        #expect(parse.text.contains("[DATE]"))
        #expect(parse.entities.contains { $0.entity == "date" && $0.value == "2026-03-20" })
    }

    @Test func hipaaPresetDecodesAndTurnsEveryTypeOn() throws {
        let preset = StarterBot.policiesDirectory.appendingPathComponent("presets/hipaa.yml")
        let policy = try PIIPolicyReader.load(preset)
        for type in PIIEntityType.allCases { #expect(policy.isEnabled(type)) }
        #expect(policy.defaultThreshold < RedactionPolicy.default.defaultThreshold)
        let redactor = try Redactor(policy: policy)
        let text = "Maria Lopez, seen 03/04/2025 in Springfield, call 555-201-3344, mail maria@example.org"
        let redacted = redactor.redact(text).redactedText
        for value in ["Maria", "03/04/2025", "555-201-3344", "maria@example.org"] { #expect(!redacted.contains(value)) }
    }
}
