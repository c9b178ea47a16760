import Foundation
import HummingbirdTesting
import ParleyEngine
import Testing

@Suite struct RasaCompatibilityTests {
    @Test func restWebhookAnswersWithRecipientAndText() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            let response = try await client.post("/webhooks/rest/webhook", json: #"{"sender": "user-7", "message": "hello"}"#, token: channel)
            #expect(response.status == .ok)
            let messages = try response.jsonArray()
            #expect(messages.count == 1)
            #expect(messages.first?["recipient_id"] as? String == "user-7")
            #expect((messages.first?["text"] as? String)?.hasPrefix("Hello!") == true)
        }
    }

    @Test func parseReturnsIntentEntitiesAndRanking() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            let response = try await client.post("/model/parse", json: #"{"text": "What is the status of order #12345?"}"#, token: channel)
            let parse = try response.jsonObject()
            #expect((parse["intent"] as? [String: Any])?["name"] as? String == "order_status")
            #expect((parse["intent_ranking"] as? [[String: Any]])?.count ?? 0 > 1)
            let entity = (parse["entities"] as? [[String: Any]])?.first
            #expect(entity?["entity"] as? String == "order_id")
            #expect(entity?["start"] as? Int == 28)
            #expect(entity?["end"] as? Int == 34)
        }
    }
}
