import HTTPTypes
import Hummingbird
import ParleyAudit
import ParleyEngine

/// Requires a bearer token of one of `roles`: none or an invalid one → 401,
/// a valid token of another role → 403. Customer endpoints also serve direct
/// loopback requests without a token when ``LoopbackExemption`` allows it.
/// Every failure is recorded durably (``AuthenticationAudit``); repeated
/// invalid tokens from one address are answered 429, late (``AuthThrottle``).
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = ParleyRequestContext

    let tokens: AccessTokens
    let endpoint: Endpoint
    let audit: AuthenticationAudit
    let loopback: LoopbackExemption

    var roles: [AccessRole] { endpoint.roles ?? [] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let route = context.endpointPath ?? "unmatched"
        guard let header = request.headers[.authorization] else {
            // A request relayed by a proxy on this host also comes from loopback: never trust those.
            let direct = context.isLoopback && !ProxyHeaders.present(in: request.headers)
            if direct, endpoint.openOnLoopback {
                return try await next(request, context)
            }
            if direct, roles.contains(.channel), try await loopback.allowsTokenlessRequests() {
                return try await next(request, context)
            }
            // Audited, never slowed: a request without a token guesses nothing (401, as RFC 6750 says).
            throw await audit.failed(reason: "missing_token", route: route, from: nil)
        }
        let prefix = "Bearer "
        guard header.hasPrefix(prefix), let caller = try await tokens.authenticate(String(header.dropFirst(prefix.count))) else {
            throw await audit.failed(reason: "invalid_token", route: route, from: context.clientAddress)
        }
        guard roles.contains(caller.role) else {
            await audit.denied(caller: caller, route: route)
            throw APIError.forbidden(roles)
        }
        context.caller = caller
        context.logger[metadataKey: "caller.token"] = "\(caller.tokenID)"
        return try await next(request, context)
    }
}

/// Headers by which a proxy on this host names the client it relays: a
/// loopback peer that sends any of them is not treated as local.
enum ProxyHeaders {
    static let names: [HTTPField.Name] = [
        "Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Port", "X-Forwarded-Server",
        "X-Real-IP", "X-Client-IP", "True-Client-IP", "Client-IP", "X-Cluster-Client-IP", "X-Original-Forwarded-For",
        "CF-Connecting-IP", "Fastly-Client-IP", "X-ProxyUser-Ip", "Via",
    ].compactMap { HTTPField.Name($0) }

    static func present(in headers: HTTPFields) -> Bool {
        names.contains { headers[$0] != nil }
    }
}

/// Records failed and refused authentications (a metric for every one, the
/// durable, folded audit entries of ``AuthFailureLedger``) and gives the
/// error to answer: 401, or 429 after the throttle's delay for an address
/// that keeps failing.
final class AuthenticationAudit: Sendable {
    let engine: ParleyEngine
    let throttle: AuthThrottle

    init(engine: ParleyEngine, throttle: AuthThrottle = AuthThrottle()) {
        self.engine = engine
        self.throttle = throttle
    }

    func failed(reason: String, route: String, from address: String?) async -> APIError {
        engine.metrics.increment("parley_auth_failures_total", labels: ["reason": reason])
        let actor = (try? AuditActor(rawValue: "anonymous:http")) ?? .system
        await engine.authFailures.record(
            key: "\(reason)|\(route)", principal: Principal(actor: actor, role: .system), action: "auth.failed",
            details: ["reason": reason, "route": route]
        )
        // No address: an in-process request (tests), or a failure that is not a guess (no token); never slowed.
        guard let address, let delay = throttle.failed(from: address) else { return .unauthorized }
        engine.metrics.increment("parley_auth_throttled_total")
        try? await Task.sleep(for: delay)
        let seconds = delay.components.seconds + (delay.components.attoseconds > 0 ? 1 : 0)
        return APIError(
            .tooManyRequests, code: "too_many_failures",
            message: "too many failed authentications from this address; try again later with a valid token",
            headers: [.retryAfter: String(max(1, seconds)), .wwwAuthenticate: "Bearer realm=\"parley\""]
        )
    }

    func denied(caller: AuthenticatedCaller, route: String) async {
        engine.metrics.increment("parley_auth_failures_total", labels: ["reason": "wrong_role"])
        await engine.authFailures.record(
            key: "denied|\(route)|\(caller.tokenID)", principal: .token(caller), action: "auth.denied",
            details: ["reason": "wrong_role", "route": route]
        )
    }
}
