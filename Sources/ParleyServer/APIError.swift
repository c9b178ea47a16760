import Foundation
import HTTPTypes
import Hummingbird
import ParleyEngine

/// An error as the API shows it: `{"error": {"code", "message"}}` with its
/// HTTP status. Messages are fixed or built from ids and field names, never
/// from a request body.
public struct APIError: HTTPResponseError, Sendable {
    public let status: HTTPResponse.Status
    public let code: String
    public let message: String
    /// Sent with the error: `Retry-After`, `Allow`, `Connection: close`.
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, code: String, message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"parley\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: jsonBody)))
    }

    /// `{"error": {"code", "message"}}`, encoded.
    var jsonBody: [UInt8] {
        let body = ErrorBody(error: .init(code: code, message: message))
        return Array((try? JSONEncoder().encode(body)) ?? Data(#"{"error":{"code":"internal","message":"internal error"}}"#.utf8))
    }

    /// The same error with one more header.
    func with(_ name: HTTPField.Name, _ value: String) -> APIError {
        var copy = self
        copy.headers[name] = value
        return copy
    }

    struct ErrorBody: Encodable {
        struct Detail: Encodable {
            let code: String
            let message: String
        }

        let error: Detail
    }

    static let unauthorized = APIError(.unauthorized, code: "unauthorized", message: "a valid bearer token is required")
    static func forbidden(_ roles: [AccessRole]) -> APIError {
        APIError(.forbidden, code: "forbidden", message: "this endpoint needs a token with role \(roles.map(\.rawValue).joined(separator: " or "))")
    }

    /// The turn queue is full (see ``AdmissionQueue``, ``OverloadShedder``).
    static func overloaded(retryAfter seconds: Int) -> APIError {
        APIError(
            .serviceUnavailable, code: "overloaded",
            message: "the server is at capacity; try again after the number of seconds in Retry-After",
            headers: [.retryAfter: String(seconds)]
        )
    }

    static let notFoundRoute = APIError(.notFound, code: "not_found", message: "no such endpoint")
    static let internalError = APIError(.internalServerError, code: "internal", message: "internal error; see the server log")

    /// The API shape of an engine error.
    static func from(_ error: EngineError) -> APIError {
        switch error {
        case let .invalidInput(message): APIError(.badRequest, code: "invalid_request", message: message)
        case let .notFound(what): APIError(.notFound, code: "not_found", message: "\(what) not found")
        case let .conflict(message): APIError(.conflict, code: "conflict", message: message)
        case let .gone(message): APIError(.gone, code: "erased", message: message)
        case .integration: APIError(.badGateway, code: "integration_unavailable", message: "a connected system did not answer; try again")
        case .modelUnavailable: APIError(.serviceUnavailable, code: "model_unavailable", message: "no NLU model is loaded")
        case .storageFull: insufficientStorage
        case let .idempotencyKeyReused(message): APIError(.unprocessableContent, code: "idempotency_key_reused", message: message)
        default: internalError
        }
    }

    /// 507: the disk is full; nothing of the request was stored, and a retry later may succeed.
    static let insufficientStorage = APIError(
        .init(code: 507, reasonPhrase: "Insufficient Storage"), code: "insufficient_storage",
        message: "the server's disk is full: nothing of this request was stored; try again later",
        headers: [.retryAfter: "60"]
    )
}
