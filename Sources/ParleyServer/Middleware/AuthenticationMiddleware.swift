import Hummingbird
import ParleyAudit
import ParleyEngine

/// Requires a bearer token of one of `roles`: none or an invalid one → 401,
/// a valid token of another role → 403. Customer endpoints additionally
/// accept loopback requests while no channel token exists at all (the
/// out-of-the-box setup; the start-up log says so).
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = ParleyRequestContext

    let tokens: AccessTokens
    let roles: [AccessRole]
    let audit: AuthenticationAudit

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        guard let header = request.headers[.authorization] else {
            if roles.contains(.channel), context.isLoopback, try await !tokens.hasActiveToken(role: .channel) {
                return try await next(request, context)
            }
            await audit.failed(reason: "missing_token", route: context.endpointPath ?? "unmatched")
            throw APIError.unauthorized
        }
        let prefix = "Bearer "
        guard header.hasPrefix(prefix), let caller = try await tokens.authenticate(String(header.dropFirst(prefix.count))) else {
            await audit.failed(reason: "invalid_token", route: context.endpointPath ?? "unmatched")
            throw APIError.unauthorized
        }
        guard roles.contains(caller.role) else {
            await audit.denied(caller: caller, route: context.endpointPath ?? "unmatched")
            throw APIError.forbidden(roles)
        }
        context.caller = caller
        context.logger[metadataKey: "caller.token"] = "\(caller.tokenID)"
        return try await next(request, context)
    }
}

/// Records failed and refused authentications: a metric and an audit entry
/// (route template and reason; never the token, never the path's ids).
struct AuthenticationAudit: Sendable {
    let engine: ParleyEngine

    func failed(reason: String, route: String) async {
        engine.metrics.increment("parley_auth_failures_total", labels: ["reason": reason])
        await record(Principal(actor: (try? AuditActor(rawValue: "anonymous:http")) ?? .system, role: .system)
            .event("auth.failed", outcome: .denied, details: ["reason": reason, "route": route]))
    }

    func denied(caller: AuthenticatedCaller, route: String) async {
        engine.metrics.increment("parley_auth_failures_total", labels: ["reason": "wrong_role"])
        await record(Principal.token(caller).event("auth.denied", outcome: .denied, details: ["reason": "wrong_role", "route": route]))
    }

    private func record(_ event: AuditEvent) async {
        do { try await engine.audit.record(event) } catch {
            engine.metrics.increment("parley_audit_failures_total")
        }
    }
}
