import Foundation
import HTTPTypes
import Hummingbird
import ParleyEngine

extension Routes {
    func sendMessage(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let id = try parameter("id", context)
        let message = try await body.decode(MessageRequest.self, from: request)
        let result = try await admitted(context) {
            try await engine.handle(IncomingMessage(
                conversationID: id, text: message.text, customerID: message.customerID, channel: channel(context),
                idempotencyKey: request.headers[Self.idempotencyKey]
            ))
        }
        var response = try json(MessageResponse(result))
        if result.replayed { response.headers[Self.idempotentReplayed] = "true" }
        return response
    }

    func replies(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let id = try parameter("id", context)
        let after = try request.uri.queryParameters.get("after").map { value -> Int in
            guard let number = Int(value), number >= 0 else {
                throw APIError(.badRequest, code: "invalid_request", message: "after must be a non-negative turn number")
            }
            return number
        } ?? 0
        let transcript = try await engine.replies(conversationID: id, afterSeq: after, channel: channel(context))
        let replies = transcript.turns.filter { $0.role != .customer }.map {
            RepliesResponse.Reply(seq: $0.seq, role: $0.role.rawValue, text: $0.text, at: $0.at)
        }
        return try json(RepliesResponse(conversationID: id, status: transcript.status.rawValue, replies: replies))
    }

    func webhook(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let message = try await body.decode(WebhookRequest.self, from: request)
        let result = try await admitted(context) {
            try await engine.handle(IncomingMessage(conversationID: message.sender, text: message.message, channel: channel(context)))
        }
        return try json(result.replies.map { WebhookReply(recipientID: message.sender, text: $0) })
    }

    /// IETF draft-ietf-httpapi-idempotency-key-header: a retry with the same
    /// key is answered with the first attempt's reply (and this header).
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    static let idempotentReplayed = HTTPField.Name("Idempotent-Replayed")!

    /// The channel for the audit trail: its token, or loopback without one.
    func channel(_ context: ParleyRequestContext) -> Principal {
        context.caller.map(Principal.token) ?? .loopbackChannel
    }

    func parse(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let parse = try await body.decode(ParseRequest.self, from: request)
        guard !parse.text.isEmpty, parse.text.unicodeScalars.count <= IncomingMessage.maxTextLength else {
            throw APIError(.badRequest, code: "invalid_request", message: "text must be 1-\(IncomingMessage.maxTextLength) characters")
        }
        let result = try await admitted(context) { engine.parse(parse.text) }
        // A channel's parse is part of serving customers; an administrator's
        // is a use of the model, and administrators' calls are audited.
        if let caller = context.caller, caller.role == .admin {
            try await engine.audit.record(Principal.token(caller).event("model.parse", details: [
                "model": engine.model.metadata.version, "intent": result.intent.name,
            ]))
        }
        return try json(ParseResponse(result))
    }
}
