import Hummingbird
import Logging
import NIOCore
import ParleyEngine

/// Builds the whole HTTP application around an engine. Used by `parley serve`
/// and by the tests, so both run exactly the same routes and middleware.
public func buildApplication(
    engine: ParleyEngine, settings: ServerSettings, logger: Logger, models: ModelRepository? = nil,
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = buildRouter(engine: engine, settings: settings, models: models)
    return Application(
        router: router,
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "parley"),
        onServerRunning: onServerRunning,
        logger: logger
    )
}

/// The router alone (for in-process tests).
public func buildRouter(engine: ParleyEngine, settings: ServerSettings, models: ModelRepository? = nil) -> Router<ParleyRequestContext> {
    let router = Router(context: ParleyRequestContext.self)
    router.add(middleware: RequestMetricsMiddleware(metrics: engine.metrics))
    // Hummingbird's own request metrics, through swift-metrics (into the same
    // registry once `parley serve` has bootstrapped MetricsSystem with it).
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ErrorMiddleware())
    let audit = AuthenticationAudit(engine: engine)
    let routes = Routes(engine: engine, body: BodyDecoder(maxBytes: settings.maxBodyBytes), models: models)
    for endpoint in Endpoint.all {
        let group = router.group()
        if endpoint.roles != nil {
            group.add(middleware: AuthenticationMiddleware(tokens: engine.tokens, endpoint: endpoint, audit: audit))
        }
        group.on(RouterPath(endpoint.path), method: endpoint.method) { request, context in
            try await routes.respond(to: endpoint, request: request, context: context)
        }
    }
    return router
}
