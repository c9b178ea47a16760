import Foundation
import Hummingbird
import NIOCore

/// Reads and decodes JSON request bodies with a size limit and error
/// messages that name the field at fault but never echo the body.
struct BodyDecoder: Sendable {
    let maxBytes: Int

    static let tooLarge = APIError(.contentTooLarge, code: "payload_too_large", message: "the request body is too large")

    func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBytes {
            throw Self.tooLarge
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBytes)
        } catch is NIOTooManyBytesError {
            throw Self.tooLarge
        }
        guard buffer.readableBytes > 0 else {
            throw APIError(.badRequest, code: "invalid_json", message: "the request body is empty; send a JSON object")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw APIError(.badRequest, code: "invalid_request", message: Self.describe(error))
        }
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
