import HTTPTypes
import Hummingbird
import ParleyAudit
import Synchronization
import ParleyEngine

/// Requires a bearer token of one of `roles`: none or an invalid one → 401,
/// a valid token of another role → 403. Customer endpoints additionally
/// accept loopback requests while no channel token exists at all (the
/// out-of-the-box setup; the start-up log says so).
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = ParleyRequestContext

    let tokens: AccessTokens
    let endpoint: Endpoint
    let audit: AuthenticationAudit

    var roles: [AccessRole] { endpoint.roles ?? [] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        guard let header = request.headers[.authorization] else {
            // A request relayed by a proxy on this host also comes from loopback: never trust those.
            let direct = context.isLoopback && !Self.proxyHeaders.contains { request.headers[$0] != nil }
            if direct, endpoint.openOnLoopback {
                return try await next(request, context)
            }
            if direct, roles.contains(.channel), try await !tokens.hasActiveToken(role: .channel) {
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

    static let proxyHeaders: [HTTPField.Name] = [
        HTTPField.Name("Forwarded")!, HTTPField.Name("X-Forwarded-For")!, HTTPField.Name("X-Real-IP")!, HTTPField.Name("Via")!,
    ]
}

/// Records failed and refused authentications: a metric for every one, and
/// an audit entry for the first of each (reason, route, caller) per minute,
/// carrying how many were folded into the previous one, so a flood of bad
/// requests cannot flood the append-only audit log.
final class AuthenticationAudit: Sendable {
    let engine: ParleyEngine
    private let windows = Mutex<[String: (start: ContinuousClock.Instant, folded: Int)]>([:])
    static let window: Duration = .seconds(60)

    init(engine: ParleyEngine) {
        self.engine = engine
    }

    func failed(reason: String, route: String) async {
        engine.metrics.increment("parley_auth_failures_total", labels: ["reason": reason])
        let actor = (try? AuditActor(rawValue: "anonymous:http")) ?? .system
        await record(key: "\(reason)|\(route)", Principal(actor: actor, role: .system), "auth.failed", ["reason": reason, "route": route])
    }

    func denied(caller: AuthenticatedCaller, route: String) async {
        engine.metrics.increment("parley_auth_failures_total", labels: ["reason": "wrong_role"])
        await record(key: "denied|\(route)|\(caller.tokenID)", .token(caller), "auth.denied", ["reason": "wrong_role", "route": route])
    }

    private func record(key: String, _ principal: Principal, _ action: String, _ details: [String: String]) async {
        let now = ContinuousClock.now
        let folded: Int? = windows.withLock { windows in
            if let current = windows[key], now - current.start < Self.window {
                windows[key]?.folded += 1
                return nil
            }
            let previous = windows[key]?.folded ?? 0
            windows[key] = (now, 0)
            if windows.count > 10_000 { windows = windows.filter { now - $0.value.start < Self.window } }
            return previous
        }
        guard let folded else { return }
        var details = details
        if folded > 0 { details["folded_since_last_entry"] = String(folded) }
        do { try await engine.audit.record(principal.event(action, outcome: .denied, details: details)) } catch {
            engine.metrics.increment("parley_audit_failures_total")
        }
    }
}
