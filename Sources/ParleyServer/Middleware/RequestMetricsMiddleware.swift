import Hummingbird
import ParleyEngine

/// Counts requests and their latency by route template (`/v1/conversations/{id}/messages`,
/// never the concrete path, which holds ids) and status code.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: MetricsRegistry

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        let route = context.endpointPath ?? "unmatched"
        metrics.increment("parley_http_requests_total", labels: [
            "method": request.method.rawValue, "route": route, "status": String(response.status.code),
        ])
        metrics.observe("parley_http_request_duration_seconds", labels: ["route": route], (ContinuousClock.now - started) / .seconds(1))
        return response
    }
}
