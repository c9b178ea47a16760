import Foundation
import Hummingbird
import ParleyAudit
import ParleyEngine

extension Routes {
    /// `GET /v1/audit/export?from=T1&to=T2[&format=csv]`: the period's entries
    /// with inclusion proofs against a checkpoint signed now (JSONL), or CSV;
    /// a period without entries gives the signed empty bundle. T1 and T2 are
    /// dates (midnight UTC) or RFC 3339 times.
    func auditExport(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let caller = try caller(context)
        let from = try time("from", request)
        let to = try time("to", request)
        guard from <= to else { throw APIError(.badRequest, code: "invalid_request", message: "to must not be before from") }
        let format = request.uri.queryParameters.get("format") ?? "jsonl"
        guard ["jsonl", "csv"].contains(format) else {
            throw APIError(.badRequest, code: "invalid_request", message: "format must be jsonl or csv")
        }
        let bundle: AuditBundle
        do { bundle = try await engine.audit.export(from: from, to: to) } catch {
            switch error {
            case .invalidExport: throw APIError(.notFound, code: "not_found", message: error.description)
            case .invalidTime: throw APIError(.badRequest, code: "invalid_request", message: "from and to must lie between 1970 and 9999")
            default: throw EngineError.storage(error.description)
            }
        }
        try await engine.audit.record(Principal.token(caller).event("audit.export", details: [
            "from": from.rfc3339, "to": to.rfc3339,
            "first_seq": String(bundle.statement.firstSequence), "last_seq": String(bundle.statement.lastSequence), "format": format,
        ]))
        if format == "csv" {
            return text(AuditCSV.render(bundle.entries), contentType: "text/csv; charset=utf-8")
        }
        return text(String(decoding: bundle.bytes, as: UTF8.self), contentType: "application/x-ndjson; charset=utf-8")
    }

    private func time(_ name: String, _ request: Request) throws -> AuditTime {
        guard let value = request.uri.queryParameters.get(name), let time = try? AuditTime(periodBound: value) else {
            throw APIError(.badRequest, code: "invalid_request",
                           message: "\(name) must be a date such as 2026-11-01 or an RFC 3339 time such as 2026-11-01T00:00:00Z")
        }
        return time
    }
}
