import Foundation
import Hummingbird
import ParleyEngine
import ParleyStore

extension Routes {
    func reveal(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let id = try parameter("id", context)
        guard let seq = Int(try parameter("seq", context)), seq > 0 else {
            throw APIError(.badRequest, code: "invalid_request", message: "seq must be a turn number (1, 2, ...)")
        }
        let values = try await engine.revealVaulted(conversationID: id, seq: seq, by: try caller(context))
        var response = try json(RevealResponse(conversationID: id, seq: seq, values: values.map { .init(type: $0.type, value: $0.value) }))
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

/// `POST /v1/conversations/{id}/turns/{seq}/reveal`: the raw values vaulted for a turn.
struct RevealResponse: Encodable {
    struct Value: Encodable { let type: String; let value: String }
    let conversationID: String
    let seq: Int
    let values: [Value]

    enum CodingKeys: String, CodingKey {
        case conversationID = "conversation_id", seq, values
    }
}
