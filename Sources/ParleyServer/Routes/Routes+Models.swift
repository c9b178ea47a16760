import Foundation
import Hummingbird
import ParleyEngine

/// The model registry (admins): show, lineage, promote, roll back, diff, shadow mode.
extension Routes {
    func model(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let version = try parameter("version", context)
        let detail = try await engine.learning.detail(version)
        try await engine.audit.record(Principal.token(try caller(context)).event("model.show", target: try? .init(kind: "model", id: version)))
        return try json(ModelDetailView(detail))
    }

    func modelLabels(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let version = try parameter("version", context)
        let labels = try await engine.learning.labels(of: version, by: Principal.token(try caller(context)))
        return try json(ModelLabelsResponse(version: version, labels: labels.map {
            .init(conversationID: $0.conversationID, seq: $0.seq, source: $0.source.rawValue, intent: $0.intent)
        }))
    }

    func promoteModel(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let version = try parameter("version", context)
        let options = request.headers[.contentLength] == "0" ? PromoteRequest(force: nil) : try await body.decode(PromoteRequest.self, from: request)
        let outcome = try await engine.promote(version, force: options.force ?? false, by: Principal.token(try caller(context)))
        return try json(PromotionView(outcome))
    }

    func rollbackModel(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        try json(PromotionView(try await engine.rollback(by: Principal.token(try caller(context)))))
    }

    func modelDiff(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        guard let from = query.get("from"), let to = query.get("to") else {
            throw APIError(.badRequest, code: "invalid_request", message: "give both 'from' and 'to' versions")
        }
        try Identifier.validate(String(from), what: "from")
        try Identifier.validate(String(to), what: "to")
        try await engine.audit.record(Principal.token(try caller(context)).event("model.diff", details: ["from": String(from), "to": String(to)]))
        return try json(try await engine.learning.diff(String(from), String(to)))
    }

    func shadowReport(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let candidate = request.uri.queryParameters.get("candidate").map { String($0) }
        if let candidate { try Identifier.validate(candidate, what: "candidate") }
        try await engine.flushShadowTallies()
        let report = try await engine.learning.shadowReport(candidate: candidate)
        try await engine.audit.record(Principal.token(try caller(context)).event("model.shadow_report", details: ["candidate": report.candidate]))
        return try json(report)
    }

    func setShadow(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let shadow = try await body.decode(ShadowRequest.self, from: request)
        return try json(ModelStateView(try await engine.shadow(shadow.version, by: Principal.token(try caller(context)))))
    }
}
