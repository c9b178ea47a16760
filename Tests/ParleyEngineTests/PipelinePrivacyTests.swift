import Foundation
import ParleyEngine
import ParleyTestSupport
import Testing

@Suite struct PipelinePrivacyTests {
    @Test func logLinesCarryIdsAndIntentsButNeverTheMessage() async throws {
        let recorder = LogRecorder()
        let engine = try await StarterBot.engine(logger: recorder.logger)
        _ = try await engine.handle(IncomingMessage(conversationID: "p-1", text: "I want to make a complaint about zanzibarquux"))
        _ = try await engine.handle(IncomingMessage(conversationID: "p-1", text: "still waiting zanzibarquux"))
        #expect(!recorder.all.isEmpty)
        #expect(!recorder.text.contains("zanzibarquux"))
        #expect(recorder.text.contains("conversation.id=p-1"))
    }

    @Test func turnsOfOneConversationAreSerialised() async throws {
        let engine = try await StarterBot.engine()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<8 {
                group.addTask { _ = try await engine.handle(IncomingMessage(conversationID: "race-1", text: "hello \(index)")) }
            }
            try await group.waitForAll()
        }
        let transcript = try await engine.transcript(conversationID: "race-1")
        #expect(transcript.turns.map(\.seq) == Array(1...16))
    }
}
