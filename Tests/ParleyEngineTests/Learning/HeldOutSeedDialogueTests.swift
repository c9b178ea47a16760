import Foundation
import ParleyEngine
import ParleyTestSupport
import Testing

/// Every model, an installation's first included, is trained without the
/// gate's frozen held-out split: the starter bot's seed dialogue must still be
/// answered word for word by the model an installation trains that way (with
/// the sentence encoder it ships with).
@Suite struct HeldOutSeedDialogueTests {
    @Test(.enabled(if: NLUCascadeEngineTests.encoderAvailable))
    func theSeedDialogueIsAnsweredWordForWordByAModelTrainedWithoutTheHeldOutSplit() async throws {
        let (root, configuration) = NLUCascadeEngineTests.installation()
        defer { try? FileManager.default.removeItem(at: root) }
        let engine = try await EngineBootstrap(configuration: configuration, logger: LogRecorder().logger).engine(trainIfMissing: true)
        #expect(try await engine.learning.trainingSet(for: engine.bot).botHoldout.count > 0)
        #expect(try await engine.store.modelVersion(engine.model.metadata.version)?.counts["holdout_bot"] ?? 0 > 0)
        func say(_ text: String, in id: String) async throws -> TurnResult {
            try await engine.handle(IncomingMessage(conversationID: id, text: text))
        }
        let order = "Your order #12345 is currently being processed and is expected to ship by tomorrow."
        #expect(try await say("What is the status of order #12345?", in: "seed-1").replies == [order])
        let billing = try await say("I need to discuss a billing issue with a representative.", in: "seed-2")
        #expect(billing.replies == ["I will connect you with a billing specialist. Please hold on."])
        #expect(billing.handoff?.queue == "billing")
        #expect(try await say("what's the status of my order?", in: "form-1").replies == ["What is your order number?"])
        #expect(try await say("it's 12345", in: "form-1").replies == [order])
        #expect(try await say("What is the status of order #99999?", in: "unknown-1").replies == [
            "I couldn't find an order #99999 on your account. Please check the number in your confirmation email and send it again.",
        ])
        let first = try await say("Ωψζ ξϑφ", in: "fallback-1")
        #expect(first.replies == ["Sorry, I didn't quite understand that. Could you rephrase it?"])
        #expect(first.status == .bot)
        let second = try await say("ϖϰϱ ϲϳ", in: "fallback-1")
        #expect(second.status == .handoff)
        #expect(second.handoff?.queue == "general")
        try engine.store.close()
    }
}
