import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ParleyEngine

/// Builds the whole HTTP application around an engine. Used by `parley serve`
/// and by the tests, so both run exactly the same routes and middleware.
///
/// Every connection carries the protections that do not depend on a route:
/// an idle timeout (which also bounds how long a request head may take to
/// arrive), a deadline for the body, a bound on the request head's size, a
/// cap on open connections, and JSON answers to requests the HTTP parser
/// refuses.
public func buildApplication(
    engine: ParleyEngine, settings: ServerSettings, logger: Logger, models: ModelRepository? = nil,
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let turnQueue = makeTurnQueue(settings: settings, metrics: engine.metrics)
    let router = buildRouter(engine: engine, settings: settings, models: models, turnQueue: turnQueue)
    let metrics = engine.metrics
    let bodyTimeout = TimeAmount(settings.bodyTimeout)
    let decoder = HTTP1Channel.Configuration.DecoderConfiguration(
        maxHeaderFieldSize: ServerSettings.maxHeaderBytes, maxHeaderListSize: ServerSettings.maxHeaderBytes, maxHeaderFieldCount: 100
    )
    return Application(
        router: router,
        server: .http1(configuration: .init(
            additionalChannelHandlers: [
                ProtocolErrorShaper(), RequestBodyDeadline(timeout: bodyTimeout),
                OverloadShedder(queue: turnQueue) {
                    metrics.increment("parley_http_overload_rejections_total", labels: ["reason": "queue_full"])
                },
            ],
            idleTimeout: TimeAmount(settings.idleTimeout),
            httpDecoderConfiguration: decoder
        )),
        configuration: .init(
            address: .hostname(settings.host, port: settings.port), serverName: "parley",
            availableConnectionsDelegate: MaximumAvailableConnections(settings.maxConnections, logger: logger)
        ),
        onServerRunning: onServerRunning,
        logger: logger
    )
}

/// The router alone (for in-process tests).
public func buildRouter(
    engine: ParleyEngine, settings: ServerSettings, models: ModelRepository? = nil, turnQueue: AdmissionQueue? = nil
) -> Router<ParleyRequestContext> {
    let router = Router(context: ParleyRequestContext.self)
    router.add(middleware: RequestMetricsMiddleware(metrics: engine.metrics))
    // Hummingbird's own request metrics, through swift-metrics (into the same
    // registry once `parley serve` has bootstrapped MetricsSystem with it).
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ErrorMiddleware(space: engine.store.space))
    let audit = AuthenticationAudit(engine: engine)
    let loopback = LoopbackExemption(tokens: engine.tokens, policy: settings.tokenlessLoopback)
    let metrics = engine.metrics
    let turnQueue = turnQueue ?? makeTurnQueue(settings: settings, metrics: metrics)
    let routes = Routes(engine: engine, body: BodyDecoder(maxBytes: settings.maxBodyBytes), models: models, turnQueue: turnQueue)
    for endpoint in Endpoint.all {
        let group = router.group()
        if endpoint.roles != nil {
            group.add(middleware: AuthenticationMiddleware(tokens: engine.tokens, endpoint: endpoint, audit: audit, loopback: loopback))
        }
        group.on(RouterPath(endpoint.path), method: endpoint.method) { request, context in
            try await routes.respond(to: endpoint, request: request, context: context)
        }
        // HEAD wherever GET: the same answer and headers, without the body.
        if endpoint.method == .get {
            group.on(RouterPath(endpoint.path), method: .head) { request, context in
                let response = try await routes.respond(to: endpoint, request: request, context: context)
                return Routes.headResponse(response)
            }
        }
    }
    router.addConsole(routes: routes, settings: settings.console, audit: audit)
    return router
}

/// The queue in front of the turn pipeline, reporting its load as gauges.
func makeTurnQueue(settings: ServerSettings, metrics: MetricsRegistry) -> AdmissionQueue {
    metrics.describe("parley_turn_queue_running", type: "gauge", help: "Requests running the turn pipeline.")
    metrics.describe("parley_turn_queue_waiting", type: "gauge", help: "Requests waiting for the turn pipeline.")
    return AdmissionQueue(settings: settings.turnQueue) { running, waiting in
        metrics.set("parley_turn_queue_running", to: Double(running))
        metrics.set("parley_turn_queue_waiting", to: Double(waiting))
    }
}
