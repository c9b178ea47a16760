import Foundation
import Hummingbird
import ParleyAudit
import ParleyEngine
import ParleyRetention
import ParleyStore

/// Retention, legal holds, erasures and access requests (admins; auditors read).
extension Routes {
    func services() throws -> RetentionServices {
        guard let retention = engine.retention else {
            throw APIError(.serviceUnavailable, code: "retention_unavailable", message: "retention is not set up for this server")
        }
        return retention
    }

    func retentionPlan(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let plan = try await services().plan(by: Principal.token(try caller(context))).plan
        return try json(plan)
    }

    func retentionApply(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        try json(try await services().apply(by: Principal.token(try caller(context))))
    }

    func retentionRuns(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        try json(RetentionRunListResponse(runs: try await services().runs().map(RetentionRunView.init)))
    }

    func createErasure(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let body = try await body.decode(ErasureRequestBody.self, from: request)
        let outcome = try await services().erase(customerID: body.customerID, requestID: body.requestID, by: Principal.token(try caller(context)))
        return try json(ErasureView(outcome.record, details: outcome.details), status: outcome.alreadyDone ? .ok : .created)
    }

    func listErasures(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        try json(ErasureListResponse(erasures: try await services().erasureRequests().map { ErasureView($0) }))
    }

    func erasure(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        try json(ErasureView(try await services().erasureRequest(id: try parameter("id", context))))
    }

    func erasureReceipt(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let record = try await services().erasureRequest(id: try parameter("id", context))
        guard let receipt = record.receipt else {
            throw APIError(.notFound, code: "not_found", message: "erasure \(record.id) has no receipt yet")
        }
        return text(receipt, contentType: "application/x-ndjson; charset=utf-8")
    }

    func createHold(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let body = try await body.decode(HoldRequestBody.self, from: request)
        let scopes = [body.customerID != nil, body.conversationID != nil, body.from != nil || body.to != nil].filter { $0 }.count
        guard scopes == 1 else {
            throw APIError(.badRequest, code: "invalid_request", message: "give exactly one of customer_id, conversation_id, or from with to")
        }
        let scope: LegalHoldRecord.Scope = body.customerID != nil ? .customer : body.conversationID != nil ? .conversation : .period
        let hold = try await services().addHold(LegalHolds.Request(
            scope: scope, customerID: body.customerID, conversationID: body.conversationID,
            from: try body.from.map { try Self.date($0, field: "from") }, to: try body.to.map { try Self.date($0, field: "to") },
            reason: body.reason, authority: body.authority, reviewBy: try body.reviewBy.map { try Self.date($0, field: "review_by") }
        ), by: Principal.token(try caller(context)))
        return try json(HoldView(hold), status: .created)
    }

    func listHolds(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let active = try request.uri.queryParameters.get("active").map { try Self.flag($0, field: "active") } ?? false
        return try json(HoldListResponse(holds: try await services().listHolds(activeOnly: active).map(HoldView.init)))
    }

    func releaseHold(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        try json(HoldView(try await services().releaseHold(id: try parameter("id", context), by: Principal.token(try caller(context)))))
    }

    func createExport(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let body = try await body.decode(ExportRequestBody.self, from: request)
        let document = try await services().export(customerID: body.customerID, includeVault: body.includeVault ?? false, by: Principal.token(try caller(context)))
        var response = try json(document)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// A date as `YYYY-MM-DD` (midnight UTC) or an RFC 3339 time, read as
    /// strictly as the audit export's period (ISO8601DateFormatter took
    /// 2026-02-30 for 2026-03-02).
    static func date(_ text: String, field: String) throws -> Date {
        guard let time = try? AuditTime(periodBound: text) else {
            throw APIError(.badRequest, code: "invalid_request", message: "field '\(field)' must be YYYY-MM-DD or an RFC 3339 time (from 1970)")
        }
        return time.date
    }
}
