import Foundation
import ParleyEngine
import ParleyStore
import ParleyTestSupport
import Testing

@Suite struct ErasedCustomerTests {
    @Test func aShreddedCustomerStartsAfreshAndTheErasedConversationSaysSo() async throws {
        let engine = try await StarterBot.engine()
        _ = try await engine.handle(IncomingMessage(conversationID: "e-1", text: "What is the status of order #12345?", customerID: "C-1001"))
        let erased = try #require(try await engine.store.subjectID(ofCustomer: "C-1001"))
        try await engine.store.shred(subjectID: erased)

        // The erased conversation cannot go on: a conflict, not an internal error.
        await #expect(throws: EngineError.conflict("this conversation was erased; start a new one")) {
            _ = try await engine.handle(IncomingMessage(conversationID: "e-1", text: "hello again", customerID: "C-1001"))
        }
        // A new conversation of the same customer works, under a new subject.
        let reply = try await engine.handle(IncomingMessage(conversationID: "e-2", text: "What is the status of order #12345?", customerID: "C-1001"))
        #expect(reply.replies.first?.hasPrefix("Your order #12345") == true)
        let fresh = try #require(try await engine.store.subjectID(ofCustomer: "C-1001"))
        #expect(fresh != erased)
        #expect(try await engine.store.transcript("e-2")?.1.first?.text == "What is the status of order #12345?")
        #expect(try await engine.store.transcript("e-1")?.1.first?.text == nil)
    }
}
