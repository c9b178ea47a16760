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

    public init(_ status: HTTPResponse.Status, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = ErrorBody(error: .init(code: code, message: message))
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"parley\"" }
        let data = (try? JSONEncoder().encode(body)) ?? Data(#"{"error":{"code":"internal","message":"internal error"}}"#.utf8)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
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
        default: internalError
        }
    }
}
