import Hummingbird
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
            audit.failed(reason: "missing_token", path: context.endpointPath ?? request.uri.path, request: request)
            throw APIError.unauthorized
        }
        let prefix = "Bearer "
        guard header.hasPrefix(prefix), let caller = try await tokens.authenticate(String(header.dropFirst(prefix.count))) else {
            audit.failed(reason: "invalid_token", path: context.endpointPath ?? request.uri.path, request: request)
            throw APIError.unauthorized
        }
        guard roles.contains(caller.role) else {
            audit.denied(caller: caller, path: context.endpointPath ?? request.uri.path)
            throw APIError.forbidden(roles)
        }
        context.caller = caller
        context.logger[metadataKey: "caller.token"] = "\(caller.tokenID)"
        return try await next(request, context)
    }
}

/// Where failed and denied authentications are reported (log, metrics, and
/// the audit trail once it is wired). Never receives a token.
struct AuthenticationAudit: Sendable {
    let onFailure: @Sendable (_ reason: String, _ path: String) -> Void
    let onDenied: @Sendable (_ caller: AuthenticatedCaller, _ path: String) -> Void

    func failed(reason: String, path: String, request: Request) {
        onFailure(reason, path)
    }

    func denied(caller: AuthenticatedCaller, path: String) {
        onDenied(caller, path)
    }
}
