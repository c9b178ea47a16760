import Foundation
import Hummingbird
import ParleyEngine

extension Routes {
    func transcript(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        try json(TranscriptResponse(try await engine.transcript(conversationID: try parameter("id", context), readBy: try caller(context))))
    }

    func queues(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        try json(QueuesResponse(queues: try await engine.queues(readBy: try caller(context))))
    }

    func queueHandoffs(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let queue = try parameter("queue", context)
        let handoffs = try await engine.openHandoffs(queue: queue, readBy: try caller(context))
        return try json(HandoffListResponse(queue: queue, handoffs: handoffs.map(HandoffView.init)))
    }

    func claim(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let handoff = try await engine.claim(conversationID: try parameter("id", context), agent: try caller(context))
        return try json(HandoffView(handoff))
    }

    func agentReply(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let id = try parameter("id", context)
        let reply = try await body.decode(AgentReplyRequest.self, from: request)
        let seq = try await engine.agentReply(conversationID: id, agent: try caller(context), text: reply.text)
        return try json(AgentReplyResponse(conversationID: id, seq: seq), status: .created)
    }

    func resolve(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let id = try parameter("id", context)
        let resolution = try await body.decode(ResolveRequest.self, from: request)
        let handoff = try await engine.resolve(
            conversationID: id, agent: try caller(context), correctIntent: resolution.intent, note: resolution.note,
            newIntent: resolution.newIntent ?? false
        )
        return try json(HandoffView(handoff))
    }
}
