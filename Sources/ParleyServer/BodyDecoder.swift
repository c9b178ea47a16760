import Foundation
import Hummingbird
import NIOCore
import NIOHTTP1

/// Reads and decodes JSON request bodies with a size limit and error
/// messages that name the field at fault but never echo the body.
struct BodyDecoder: Sendable {
    let maxBytes: Int

    static let tooLarge = APIError(.contentTooLarge, code: "payload_too_large", message: "the request body is too large")
    static let bodyTimedOut = APIError(
        .requestTimeout, code: "request_timeout", message: "the request body did not arrive in time", headers: [.connection: "close"]
    )
    static let unsupportedMediaType = APIError(
        .unsupportedMediaType, code: "unsupported_media_type", message: "the body must be JSON: send Content-Type: application/json"
    )

    /// Reads the body (JSON only: 415 otherwise), checks it is strict JSON
    /// (RFC 8259: no trailing commas, no duplicate keys, bounded nesting), then decodes it.
    func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        guard Self.isJSON(request.headers[.contentType]) else { throw Self.unsupportedMediaType }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBytes {
            throw Self.tooLarge
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBytes)
        } catch is NIOTooManyBytesError {
            throw Self.tooLarge
        } catch let error as HTTPParserError {
            throw ProtocolErrorShaper.apiError(for: error)
        } catch is RequestBodyTimeout {
            throw Self.bodyTimedOut
        } catch {
            // A malformed or unsupported transfer coding, a client gone mid-body:
            // the client's doing, not worth an error in the log.
            throw APIError(.badRequest, code: "invalid_request", message: "the request body could not be read (malformed or unsupported transfer coding)")
        }
        guard buffer.readableBytes > 0 else {
            throw APIError(.badRequest, code: "invalid_json", message: "the request body is empty; send a JSON object")
        }
        let bytes = Array(buffer.readableBytesView)
        do { try StrictJSON.validate(bytes) } catch {
            throw APIError(.badRequest, code: "invalid_request", message: "the body is not valid JSON: \(error.description)")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw APIError(.badRequest, code: "invalid_request", message: Self.describe(error))
        }
    }

    /// `application/json`, or a `+json` type, with any parameters (`; charset=utf-8`).
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? ""
        return mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json"))
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case let .keyNotFound(key, context):
            let parent = path(context.codingPath)
            return "missing field '\(parent.isEmpty ? key.stringValue : parent + "." + key.stringValue)'"
        case let .typeMismatch(expected, context):
            let field = path(context.codingPath)
            return field.isEmpty ? "the body must be a JSON object" : "field '\(field)' must be \(Self.name(expected))"
        case let .valueNotFound(_, context):
            return "field '\(path(context.codingPath))' must not be null"
        case let .dataCorrupted(context):
            let field = path(context.codingPath)
            return field.isEmpty ? "the body is not valid JSON" : "field '\(field)' is invalid"
        @unknown default:
            return "the body could not be decoded"
        }
    }

    private static func name(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "of another type"
        }
    }
}
