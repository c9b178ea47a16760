import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ParleyEngine
import ParleyRedaction
import ParleyServer
import ParleyTestSupport

/// An app around a fresh engine, for in-process router tests.
struct TestApp {
    let engine: ParleyEngine
    let app: any ApplicationProtocol

    static func make(
        maxBodyBytes: Int = 64 * 1024, records: (any CustomerRecordsProvider)? = nil, redactor: Redactor? = nil
    ) async throws -> TestApp {
        let engine = try await StarterBot.engine(records: records, redactor: redactor)
        let app = buildApplication(
            engine: engine, settings: ServerSettings(host: "127.0.0.1", port: 0, maxBodyBytes: maxBodyBytes),
            logger: .init(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        return TestApp(engine: engine, app: app)
    }

    func token(_ role: AccessRole) async throws -> String {
        try await engine.tokens.create(role: role, name: "test \(role.rawValue)", by: .system).token
    }
}

extension TestClientProtocol {
    func post(_ uri: String, json: String, token: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: json))
    }

    func get(_ uri: String, token: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await execute(uri: uri, method: .get, headers: headers)
    }

    /// Sends a customer message with a channel token and decodes the reply.
    func say(_ text: String, in conversation: String, customer: String? = "C-1001", token: String) async throws -> [String: Any] {
        var body: [String: Any] = ["text": text]
        if let customer { body["customer_id"] = customer }
        let data = try JSONSerialization.data(withJSONObject: body)
        let response = try await post("/v1/conversations/\(conversation)/messages", json: String(decoding: data, as: UTF8.self), token: token)
        guard response.status == .ok else { throw TestFailure("message failed with \(response.status): \(String(buffer: response.body))") }
        return try response.jsonObject()
    }
}

extension TestResponse {
    func jsonObject() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] else {
            throw TestFailure("not a JSON object")
        }
        return object
    }

    func jsonArray() throws -> [[String: Any]] {
        guard let array = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [[String: Any]] else {
            throw TestFailure("not a JSON array")
        }
        return array
    }

    /// The `error.code` of a JSON error body.
    var errorCode: String? {
        ((try? jsonObject())?["error"] as? [String: Any])?["code"] as? String
    }
}

func replies(_ object: [String: Any]) -> [String] {
    (object["replies"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
