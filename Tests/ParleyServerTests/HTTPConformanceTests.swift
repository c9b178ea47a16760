import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ParleyEngine
import ParleyServer
import Testing

/// Methods, media types, strict JSON and path parameters, as HTTP says.
@Suite struct HTTPConformanceTests {
    @Test func aWrongMethodIs405WithAllowNaming() async throws {
        let test = try await TestApp.make()
        try await test.app.test(.router) { client in
            let delete = try await client.execute(uri: "/v1/queues", method: .delete)
            #expect(delete.status == .methodNotAllowed)
            #expect(delete.headers[.allow] == "GET, HEAD")
            #expect(delete.errorCode == "method_not_allowed")
            let post = try await client.execute(uri: "/healthz", method: .post)
            #expect(post.status == .methodNotAllowed)
            #expect(post.headers[.allow] == "GET, HEAD")
            let get = try await client.execute(uri: "/v1/conversations/c-1/messages", method: .get)
            #expect(get.status == .methodNotAllowed)
            #expect(get.headers[.allow] == "POST")
            // A literal path beside a {parameter} one of the same shape names
            // its own resource: /v1/models/rollback is not /v1/models/{version}.
            let options = try await client.execute(uri: "/v1/models/rollback", method: .options)
            #expect(options.status == .methodNotAllowed)
            #expect(options.headers[.allow] == "POST")
            #expect(try await client.execute(uri: "/v1/models/nlu-1", method: .options).headers[.allow] == "GET, HEAD")
            // A path no endpoint has stays a 404.
            #expect(try await client.execute(uri: "/v1/nothing", method: .delete).status == .notFound)
        }
    }

    @Test func headOnAGetEndpointAnswersItsHeadersWithoutTheBody() async throws {
        let test = try await TestApp.make()
        try await test.app.test(.router) { client in
            let get = try await client.get("/healthz")
            let head = try await client.execute(uri: "/healthz", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == String(get.body.readableBytes))
            #expect(head.headers[.contentType] == get.headers[.contentType])
            // HEAD is authenticated like GET.
            #expect(try await client.execute(uri: "/v1/queues", method: .head).status == .unauthorized)
        }
    }

    @Test(arguments: ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", nil])
    func aBodyThatIsNotDeclaredJSONIs415AndStoresNothing(contentType: String?) async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            var headers: HTTPFields = [.authorization: "Bearer \(channel)"]
            if let contentType { headers[.contentType] = contentType }
            let response = try await client.execute(
                uri: "/v1/conversations/media-1/messages", method: .post, headers: headers, body: ByteBuffer(string: #"{"text": "hello"}"#)
            )
            #expect(response.status == .unsupportedMediaType)
            #expect(response.errorCode == "unsupported_media_type")
        }
        #expect(try await test.engine.store.loadConversation("media-1") == nil)
    }

    @Test func jsonWithACharsetParameterIsAccepted() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/conversations/media-2/messages", method: .post,
                headers: [.authorization: "Bearer \(channel)", .contentType: "Application/JSON; charset=UTF-8"],
                body: ByteBuffer(string: #"{"text": "hello"}"#)
            )
            #expect(response.status == .ok)
        }
    }

    @Test(arguments: [
        #"{"text":"abc",}"#, #"{"text":"abc","text":"def"}"#, #"{"text":"abc"} {"#, #"{"text":"abc\x"}"#,
        #"{"text":"\ud800"}"#, #"{"text":"abc", "n": 01}"#, #"{"text":'abc'}"#, #"{"text":"abc"/* c */}"#,
        #"{"text":"abc","n":NaN}"#, #"{"text":"abc","a":[1,2,]}"#,
    ])
    func bodiesThatAreNotStrictJSONAre400AndStoreNothing(body: String) async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            let response = try await client.post("/v1/conversations/strict-1/messages", json: body, token: channel)
            #expect(response.status == .badRequest)
            #expect(response.errorCode == "invalid_request")
            #expect(!String(buffer: response.body).contains("abc"))
        }
        #expect(try await test.engine.store.loadConversation("strict-1") == nil)
    }

    @Test func deeplyNestedBodiesAre400() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        let nested = #"{"text":"hi","x":"# + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        try await test.app.test(.router) { client in
            let response = try await client.post("/v1/conversations/deep-1/messages", json: nested, token: channel)
            #expect(response.status == .badRequest)
            #expect(String(buffer: response.body).contains("nested deeper than"))
        }
    }

    @Test func percentEncodedPathIdsAreDecoded() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            let sent = try await client.post("/v1/conversations/a%3Ab/messages", json: #"{"text": "hello"}"#, token: channel)
            #expect(sent.status == .ok)
            #expect(try sent.jsonObject()["conversation_id"] as? String == "a:b")
            let replies = try await client.get("/v1/conversations/a%3Ab/replies", token: channel)
            #expect(replies.status == .ok)
            let broken = try await client.post("/v1/conversations/a%zzb/messages", json: #"{"text": "hello"}"#, token: channel)
            #expect(broken.status == .badRequest)
        }
        #expect(try await test.engine.store.loadConversation("a:b") != nil)
        #expect(try await test.engine.store.loadConversation("a%3Ab") == nil)
    }

    @Test func anAuditPeriodOutsideTheYearsTheLogCanHoldIs400() async throws {
        let test = try await TestApp.make()
        let auditor = try await test.token(.auditor)
        try await test.app.test(.router) { client in
            let response = try await client.get("/v1/audit/export?from=99999-01-01T00:00:00Z&to=99999-12-01T00:00:00Z", token: auditor)
            #expect(response.status == .badRequest)
            #expect(response.errorCode == "invalid_request")
        }
    }

    @Test func aTextOfManyCombiningMarksCountsEveryMark() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        // One character (grapheme) of 4,001 scalars: over the limit.
        let zalgo = "a" + String(repeating: "\u{301}", count: IncomingMessage.maxTextLength)
        try await test.app.test(.router) { client in
            let body = try JSONSerialization.data(withJSONObject: ["text": zalgo])
            let response = try await client.post("/v1/conversations/marks-1/messages", json: String(decoding: body, as: UTF8.self), token: channel)
            #expect(response.status == .badRequest)
        }
    }
}
