import CoreMetrics
import Foundation
import ParleyEngine
import Testing

/// Parley's metrics through swift-prometheus: names, help, types and buckets
/// as dashboards read them, and swift-metrics instruments in the same text.
@Suite struct MetricsRegistryTests {
    @Test func countersGaugesAndHistogramsRenderAsPrometheusText() {
        let metrics = MetricsRegistry()
        metrics.describe("parley_turns_total", type: "counter", help: "Customer turns handled, by resulting status.")
        metrics.increment("parley_turns_total", labels: ["status": "bot"])
        metrics.increment("parley_turns_total", labels: ["status": "bot"])
        metrics.increment("parley_turns_total", labels: ["status": "handoff"])
        metrics.set("parley_review_open", to: 7)
        metrics.observe("parley_turn_duration_seconds", 0.003)
        metrics.observe("parley_turn_duration_seconds", 0.2)
        let text = metrics.render()
        #expect(text.contains("# HELP parley_turns_total Customer turns handled, by resulting status."))
        #expect(text.contains("# TYPE parley_turns_total counter"))
        #expect(text.contains(#"parley_turns_total{status="bot"} 2"#))
        #expect(text.contains(#"parley_turns_total{status="handoff"} 1"#))
        #expect(text.contains("parley_review_open 7"))
        #expect(text.contains("# TYPE parley_turn_duration_seconds histogram"))
        #expect(text.contains(#"parley_turn_duration_seconds_bucket{le="0.005"} 1"#))
        #expect(text.contains(#"parley_turn_duration_seconds_bucket{le="+Inf"} 2"#))
        #expect(text.contains("parley_turn_duration_seconds_count 2"))
    }

    @Test func aSwiftMetricsCounterLandsInTheSameText() {
        let metrics = MetricsRegistry()
        let counter = Counter(label: "hb.requests", dimensions: [("http.route", "/healthz")], factory: metrics.metricsFactory)
        counter.increment()
        #expect(metrics.render().contains(#"hb_requests{http_route="/healthz"} 1"#))
    }
}
