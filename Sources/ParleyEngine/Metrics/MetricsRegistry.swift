import Foundation
import Prometheus
import Synchronization

/// Parley's metrics, kept in a swift-prometheus registry and rendered in the
/// Prometheus text format. The same registry backs the swift-metrics API
/// (``metricsFactory``), so Hummingbird's own metrics and those of any library
/// that reports through swift-metrics land in the same `/metrics` once the
/// process bootstraps `MetricsSystem` with it.
///
/// Label values must come from closed sets the code or the admin controls
/// (intent names, queue names, routes, status codes): never from what a
/// customer wrote, so a metric can never leak text.
public final class MetricsRegistry: Sendable {
    private struct Series: Hashable {
        let name: String
        let labels: [String: String]
    }

    private enum Instrument {
        case counter(Counter)
        case gauge(Gauge)
        case histogram(ValueHistogram)
    }

    private struct State {
        var help: [String: String] = [:]
        var instruments: [Series: Instrument] = [:]
    }

    public static let latencyBuckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    /// The registry the metrics live in.
    public let registry: PrometheusCollectorRegistry
    private let state = Mutex(State())

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
    }

    /// A swift-metrics factory over the same registry (bootstrap `MetricsSystem` with it once per process).
    public var metricsFactory: PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultValueHistogramBuckets = Self.latencyBuckets
        factory.defaultDurationHistogramBuckets = Self.latencyBuckets.map { .nanoseconds(Int64($0 * 1e9)) }
        return factory
    }

    /// The help text of a metric; call before its first use (the text is set when the series is made).
    public func describe(_ name: String, type: String, help: String) {
        state.withLock { $0.help[name] = help }
    }

    public func increment(_ name: String, labels: [String: String] = [:], by amount: Double = 1) {
        guard case let .counter(counter) = instrument(name, labels, make: { registry, descriptor, pairs in
            .counter(registry.makeCounter(descriptor: descriptor, labels: pairs))
        }) else { return }
        if amount == amount.rounded(), abs(amount) < 1e15 { counter.increment(by: Int64(amount)) } else { counter.increment(by: amount) }
    }

    public func set(_ name: String, labels: [String: String] = [:], to value: Double) {
        guard case let .gauge(gauge) = instrument(name, labels, make: { registry, descriptor, pairs in
            .gauge(registry.makeGauge(descriptor: descriptor, labels: pairs))
        }) else { return }
        gauge.set(value)
    }

    public func observe(_ name: String, labels: [String: String] = [:], _ value: Double) {
        guard case let .histogram(histogram) = instrument(name, labels, make: { registry, descriptor, pairs in
            .histogram(registry.makeValueHistogram(descriptor: descriptor, labels: pairs, buckets: Self.latencyBuckets))
        }) else { return }
        histogram.record(value)
    }

    /// The Prometheus text exposition (version 0.0.4).
    public func render() -> String {
        registry.emitToString()
    }

    /// The series' instrument, made on first use. Made under the lock, so two
    /// first uses of one series never race to register it twice.
    private func instrument(
        _ name: String, _ labels: [String: String],
        make: (PrometheusCollectorRegistry, MetricNameDescriptor, [(String, String)]) -> Instrument
    ) -> Instrument {
        let series = Series(name: name, labels: labels)
        return state.withLock { state in
            if let existing = state.instruments[series] { return existing }
            let pairs = labels.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            let descriptor = MetricNameDescriptor(metricName: name, unitName: "", helpText: state.help[name] ?? "")
            let made = make(registry, descriptor, pairs)
            state.instruments[series] = made
            return made
        }
    }
}
