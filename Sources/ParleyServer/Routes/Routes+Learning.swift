import Foundation
import Hummingbird
import ParleyEngine
import ParleyStore

/// The review queue, labels and candidate intents (agents and admins; intents: admins).
extension Routes {
    func reviewItems(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let limit = try query.get("limit").map { try Self.number($0, field: "limit") } ?? 50
        let after = try query.get("after").map { try Self.number($0, field: "after") } ?? 0
        let page = try await engine.learning.reviewItems(
            reason: query.get("reason").map { String($0) }, limit: limit, afterID: Int64(after), by: Principal.token(try caller(context))
        )
        return try json(ReviewListResponse(
            items: page.items.map(ReviewItemView.init), open: page.open, next: page.items.count == limit ? page.items.last?.id : nil
        ))
    }

    func labelReviewItem(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let id = try Self.number(try parameter("id", context), field: "id")
        let label = try await body.decode(LabelRequest.self, from: request)
        let outcome = try await engine.learning.labelReviewItem(
            id: Int64(id), intent: label.intent, entities: label.labelEntities, newIntent: label.newIntent ?? false,
            by: Principal.token(try caller(context))
        )
        return try json(LabelView(outcome), status: .created)
    }

    func dismissReviewItem(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let id = try Self.number(try parameter("id", context), field: "id")
        try await engine.learning.dismissReviewItem(id: Int64(id), by: Principal.token(try caller(context)))
        return Response(status: .noContent)
    }

    func labelTurn(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let caller = try caller(context)
        let seq = try Self.number(try parameter("seq", context), field: "seq")
        let label = try await body.decode(LabelRequest.self, from: request)
        let outcome = try await engine.learning.labelTurn(
            conversationID: try parameter("id", context), seq: seq, intent: label.intent, entities: label.labelEntities,
            newIntent: label.newIntent ?? false, handedOffOnly: caller.role == .agent, by: Principal.token(caller)
        )
        return try json(LabelView(outcome), status: .created)
    }

    func candidateIntents(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        try json(CandidateIntentListResponse(try await engine.learning.candidateIntents(by: Principal.token(try caller(context)))))
    }

    func addIntent(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let intent = try await body.decode(AddIntentRequest.self, from: request)
        let overlay = try await engine.addIntent(intent.name, response: intent.response, queue: intent.queue, by: Principal.token(try caller(context)))
        return try json(IntentView(overlay), status: .created)
    }

    func mapIntent(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let name = try parameter("name", context)
        let target = try await body.decode(MapIntentRequest.self, from: request)
        let moved = try await engine.learning.mapIntent(name, to: target.to, by: Principal.token(try caller(context)))
        return try json(MapIntentResponse(name: name, mappedTo: target.to, labelsMoved: moved))
    }

    /// A non-negative whole number from a path or query parameter.
    static func number(_ text: some StringProtocol, field: String) throws -> Int {
        guard let value = Int(text), value >= 0 else {
            throw APIError(.badRequest, code: "invalid_request", message: "\(field) must be a non-negative whole number")
        }
        return value
    }

    /// `true` or `false` from a query parameter; anything else is refused, not read as false.
    static func flag(_ text: some StringProtocol, field: String) throws -> Bool {
        switch text {
        case "true": return true
        case "false": return false
        default: throw APIError(.badRequest, code: "invalid_request", message: "\(field) must be true or false")
        }
    }
}
