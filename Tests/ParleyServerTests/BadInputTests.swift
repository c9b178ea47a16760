import Foundation
import HummingbirdTesting
import ParleyEngine
import Testing

@Suite struct BadInputTests {
    @Test func malformedJSONIs400AndStoresNothing() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            let response = try await client.post("/v1/conversations/bad-1/messages", json: #"{"text": "hello"#, token: channel)
            #expect(response.status == .badRequest)
            #expect(response.errorCode == "invalid_request")
        }
        #expect(try await test.engine.store.loadConversation("bad-1") == nil)
    }

    @Test func missingFieldIs400NamingTheField() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            let response = try await client.post("/v1/conversations/bad-2/messages", json: #"{"customer_id": "C-1001"}"#, token: channel)
            #expect(response.status == .badRequest)
            let message = ((try response.jsonObject())["error"] as? [String: Any])?["message"] as? String
            #expect(message == "missing field 'text'")
        }
        #expect(try await test.engine.store.loadConversation("bad-2") == nil)
    }

    @Test func oneMegabyteBodyIs413AndStoresNothing() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        let huge = #"{"text": ""# + String(repeating: "a", count: 1_048_576) + #""}"#
        try await test.app.test(.router) { client in
            let response = try await client.post("/v1/conversations/bad-3/messages", json: huge, token: channel)
            #expect(response.status == .contentTooLarge)
            #expect(response.errorCode == "payload_too_large")
        }
        #expect(try await test.engine.store.loadConversation("bad-3") == nil)
    }

    @Test func errorMessagesNeverEchoTheBody() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            let response = try await client.post("/v1/conversations/bad-4/messages", json: #"{"text": 42, "secretword": "kumquat"}"#, token: channel)
            #expect(response.status == .badRequest)
            #expect(!String(buffer: response.body).contains("kumquat"))
            #expect(!String(buffer: response.body).contains("42"))
        }
    }

    /// As the OpenAPI document says: a null customer_id is no customer; a
    /// customer_id of another type, or outside the identifier grammar, is a 400.
    @Test func aNullCustomerIDIsNoCustomerAndAnotherTypeIsRefused() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            let null = try await client.post("/v1/conversations/cid-1/messages", json: #"{"text": "hello", "customer_id": null}"#, token: channel)
            #expect(null.status == .ok)
            let number = try await client.post("/v1/conversations/cid-2/messages", json: #"{"text": "hello", "customer_id": 7}"#, token: channel)
            #expect(number.status == .badRequest)
            let spaced = try await client.post("/v1/conversations/cid-3/messages", json: #"{"text": "hello", "customer_id": "a b"}"#, token: channel)
            #expect(spaced.status == .badRequest)
        }
    }

    @Test func invalidConversationIdAndEmptyTextAre400() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            let status1 = try await client.post("/v1/conversations/bad%20id/messages", json: #"{"text": "hi"}"#, token: channel).status
            #expect(status1 == .badRequest)
            let status2 = try await client.post("/v1/conversations/ok-id/messages", json: #"{"text": "   "}"#, token: channel).status
            #expect(status2 == .badRequest)
        }
    }

    @Test func unknownRouteIsJSON404() async throws {
        let test = try await TestApp.make()
        try await test.app.test(.router) { client in
            let response = try await client.get("/nope")
            #expect(response.status == .notFound)
            #expect(response.errorCode == "not_found")
        }
    }
}
