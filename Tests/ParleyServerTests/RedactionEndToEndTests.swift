import Foundation
import HummingbirdTesting
import Logging
import ParleyEngine
import ParleyServer
import ParleyTestSupport
import Testing

@Suite struct RedactionEndToEndTests {
    // Well-known test values: a Visa test card, an example.org address, an Ofcom drama number.
    static let card = "4111 1111 1111 1111"
    static let email = "jane.doe@example.org"
    static let phone = "+44 20 7946 0958"

    @Test func cardEmailAndPhoneReachNoStoreLogMetricOrTranscriptWhileTheBotStillAnswers() async throws {
        let recorder = LogRecorder()
        let engine = try await StarterBot.engine(logger: recorder.logger)
        let app = buildApplication(engine: engine, settings: ServerSettings(port: 0), logger: recorder.logger)
        let channel = try await engine.tokens.create(role: .channel, name: "web", by: .system).token
        let agent = try await engine.tokens.create(role: .agent, name: "dana", by: .system).token
        let admin = try await engine.tokens.create(role: .admin, name: "ops", by: .system).token
        let text = "What is the status of order #12345? I paid with \(Self.card), reach me at \(Self.email) or \(Self.phone)."
        try await app.test(.router) { client in
            let reply = try await client.say(text, in: "pii-1", token: channel)
            #expect(replies(reply) == ["Your order #12345 is currently being processed and is expected to ship by tomorrow."])

            let transcript = String(buffer: try await client.get("/v1/conversations/pii-1", token: admin).body)
            let metrics = String(buffer: try await client.get("/metrics", token: admin).body)
            let parsed = String(buffer: try await client.post("/model/parse", json: #"{"text": "my email is \#(Self.email)"}"#, token: channel).body)
            for secret in [Self.card, Self.email, Self.phone, "4111111111111111"] {
                #expect(!transcript.contains(secret))
                #expect(!metrics.contains(secret))
                #expect(!parsed.contains(secret))
                #expect(!recorder.text.contains(secret))
            }
            #expect(transcript.contains("[CREDIT_CARD]"))
            #expect(transcript.contains("[EMAIL]"))
            #expect(transcript.contains("[PHONE]"))
            #expect(transcript.contains("#12345"))
            #expect(metrics.contains(#"parley_redactions_total{operator="placeholder",type="CREDIT_CARD"} 1"#))
        }
        let stored = try #require(try await engine.store.transcript("pii-1"))
        let customerText = try #require(stored.1.first?.text)
        #expect(customerText == "What is the status of order #12345? I paid with [CREDIT_CARD], reach me at [EMAIL] or [PHONE].")
    }

    @Test func agentRepliesAreRedactedToo() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        let agent = try await test.token(.agent)
        try await test.app.test(.router) { client in
            _ = try await client.say("I want to make a complaint", in: "pii-2", token: channel)
            _ = try await client.post("/v1/conversations/pii-2/claim", json: "", token: agent)
            _ = try await client.post("/v1/conversations/pii-2/agent-replies", json: #"{"text": "I have your card \#(Self.card) on file"}"#, token: agent)
            let transcript = String(buffer: try await client.get("/v1/conversations/pii-2", token: agent).body)
            #expect(!transcript.contains(Self.card))
            #expect(transcript.contains("I have your card [CREDIT_CARD] on file"))
        }
    }
}
