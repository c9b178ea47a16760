import Foundation
import Hummingbird
import ParleyEngine

extension Router<ParleyRequestContext> {
    /// Mounts the agent console under `/console`.
    func addConsole(routes: Routes, settings: ConsoleSettings, audit: AuthenticationAudit) {
        let sessions = ConsoleSessions(engine: routes.engine, settings: settings, clock: settings.clock)
        let console = ConsoleRoutes(
            routes: routes, sessions: sessions, stream: ConsoleEventStream(engine: routes.engine, sessions: sessions), audit: audit
        )
        for endpoint in ConsoleEndpoint.all {
            let group = self.group()
            group.add(middleware: ConsoleHeadersMiddleware())
            // Errors become responses inside, so that they carry the headers too.
            group.add(middleware: ErrorMiddleware(space: routes.engine.store.space))
            if let roles = endpoint.roles {
                group.add(middleware: ConsoleSessionMiddleware(sessions: sessions, roles: roles, audit: audit))
            }
            group.on(RouterPath(endpoint.path), method: endpoint.method) { request, context in
                try await console.respond(to: endpoint, request: request, context: context)
            }
        }
    }
}
