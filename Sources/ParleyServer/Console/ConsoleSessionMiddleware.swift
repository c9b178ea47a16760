import HTTPTypes
import Hummingbird
import ParleyEngine

/// Requires a live console session of one of `roles`, and on every
/// state-changing request the session's CSRF token in `X-CSRF-Token` and a
/// same-origin request (the browser's `Origin` and `Sec-Fetch-Site`, when sent).
/// Sets the request's caller to the session's token, so the handlers and
/// their audit entries are those of the API.
struct ConsoleSessionMiddleware: RouterMiddleware {
    typealias Context = ParleyRequestContext

    let sessions: ConsoleSessions
    let roles: [AccessRole]
    let audit: AuthenticationAudit

    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    /// `background` on a read the page makes by itself (after a live event): not the user's activity.
    static let activityHeader = HTTPField.Name("X-Console-Activity")!
    static let csrfRefused = APIError(.forbidden, code: "csrf_failed", message: "missing or wrong CSRF token; reload the console")
    static let crossSite = APIError(.forbidden, code: "cross_site", message: "cross-site requests are refused")

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let route = context.endpointPath ?? "unmatched"
        guard let cookie = ConsoleCookie.value(in: request) else {
            // Audited, never slowed: no cookie guesses nothing.
            _ = await audit.failed(reason: "missing_session", route: route, from: nil)
            throw ConsoleSessions.invalidSession
        }
        let session: ConsoleSessions.Active
        let background = Self.isSafe(request.method) && request.headers[Self.activityHeader] == "background"
        do { session = try await sessions.authenticate(cookie, activity: !background) } catch let error as APIError {
            // A forged cookie is a guess and counts toward the per-address throttle (429 past it); an ended session does not.
            let ended = error.code == "session_expired"
            let refusal = await audit.failed(
                reason: ended ? "session_ended" : "invalid_session", route: route, from: ended ? nil : context.clientAddress
            )
            if refusal.status == .tooManyRequests { throw refusal }
            throw error
        }
        if !Self.isSafe(request.method) {
            try Self.requireSameOrigin(request)
            guard ConsoleSessions.csrfMatches(request.headers[Self.csrfHeader], session) else {
                // Only a request carrying the session cookie gets here (a cross-site one
                // does not: the cookie is SameSite=Strict), so these are few: each is recorded.
                do {
                    try await sessions.engine.audit.record(Principal.token(session.caller).event(
                        "auth.denied", target: ConsoleSessions.target(session.id), outcome: .denied, details: ["reason": "csrf_failed", "route": route]
                    ))
                } catch {
                    context.logger.error("audit entry could not be written", metadata: ["audit.action": "auth.denied"])
                }
                throw Self.csrfRefused
            }
        }
        guard roles.contains(session.caller.role) else {
            await audit.denied(caller: session.caller, route: route)
            throw APIError.forbidden(roles)
        }
        context.caller = session.caller
        context.logger[metadataKey: "caller.token"] = "\(session.caller.tokenID)"
        context.logger[metadataKey: "console.session"] = "\(session.id)"
        return try await next(request, context)
    }

    static func isSafe(_ method: HTTPRequest.Method) -> Bool {
        method == .get || method == .head
    }

    /// Refuses a request a browser marks as coming from another site, or whose
    /// `Origin` is not this host.
    static func requireSameOrigin(_ request: Request) throws {
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], !["same-origin", "none"].contains(site) {
            throw crossSite
        }
        if let origin = request.headers[.origin] {
            guard let host = request.head.authority,
                  origin == "http://\(host)" || origin == "https://\(host)"
            else { throw crossSite }
        }
    }
}
