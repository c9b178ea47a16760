import Foundation
import HTTPTypes
import Hummingbird
import ParleyEngine

extension ConsoleRoutes {
    static let signInRoute = ConsoleEndpoint.signIn.path

    /// `POST /console/api/session` `{"token"}`: an agent, admin or auditor token
    /// exchanged for a session cookie. JSON only and same-origin only, so no
    /// other site can sign a browser in (login CSRF): a cross-site form cannot
    /// send JSON, and a cross-site script's JSON needs a preflight nobody answers.
    func signIn(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        try ConsoleSessionMiddleware.requireSameOrigin(request)
        let body = try await routes.body.decode(ConsoleSignInRequest.self, from: request)
        guard let caller = try await engine.tokens.authenticate(body.token.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            // A wrong token is a guess: counted toward the per-address throttle like a bearer token's (429 past it).
            let refusal = await audit.failed(reason: "invalid_token", route: Self.signInRoute, from: context.clientAddress)
            if refusal.status == .tooManyRequests { throw refusal }
            throw APIError(.unauthorized, code: "invalid_token", message: "that token is not valid (mistyped, revoked or unknown)")
        }
        guard ConsoleEndpoint.staff.contains(caller.role) else {
            await audit.denied(caller: caller, route: Self.signInRoute)
            throw APIError(.forbidden, code: "forbidden", message: "a \(caller.role.rawValue) token cannot sign in to the console; use an agent, admin or auditor token")
        }
        let signedIn = try await sessions.signIn(caller: caller)
        var response = try routes.json(ConsoleSessionResponse(signedIn.session, settings: sessions.settings), status: .created)
        response.setCookie(ConsoleCookie.setting(signedIn.cookieValue, secure: ConsoleCookie.isSecure(request, settings: sessions.settings)))
        return response
    }

    /// `GET /console/api/session`: who is signed in, with the CSRF token (for a
    /// page just loaded). No cookie is a plain 401, not a failed sign-in: it is
    /// how the page learns that nobody is.
    func session(_ request: Request) async throws -> Response {
        guard let cookie = ConsoleCookie.value(in: request) else { throw ConsoleSessions.invalidSession }
        let session = try await sessions.authenticate(cookie)
        return try routes.json(ConsoleSessionResponse(session, settings: sessions.settings))
    }

    /// `DELETE /console/api/session`: ends the session on the server and clears the cookie.
    func signOut(_ request: Request) async throws -> Response {
        let session = try await activeSession(request)
        try await sessions.signOut(session)
        var response = Response(status: .noContent)
        response.setCookie(ConsoleCookie.clearing(secure: ConsoleCookie.isSecure(request, settings: sessions.settings)))
        return response
    }

    func events(_ request: Request) async throws -> Response {
        let session = try await activeSession(request)
        guard let cookie = ConsoleCookie.value(in: request) else { throw ConsoleSessions.invalidSession }
        return try await stream.response(to: request, session: session, cookie: cookie)
    }

    /// The session the middleware let through.
    private func activeSession(_ request: Request) async throws -> ConsoleSessions.Active {
        guard let cookie = ConsoleCookie.value(in: request) else { throw ConsoleSessions.invalidSession }
        return try await sessions.authenticate(cookie)
    }
}
