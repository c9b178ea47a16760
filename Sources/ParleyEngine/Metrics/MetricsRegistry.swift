import Foundation
import Synchronization

/// Counters and histograms rendered in the Prometheus text format.
///
/// Label values must come from closed sets the code or the admin controls
/// (intent names, queue names, routes, status codes): never from what a
/// customer wrote, so a metric can never leak text.
public final class MetricsRegistry: Sendable {
    private struct Series: Hashable {
        let name: String
        let labels: [String: String]
    }

    private struct Histogram {
        var buckets: [Double: UInt64]
        var count: UInt64 = 0
        var sum: Double = 0
    }

    private struct State {
        var help: [String: (type: String, text: String)] = [:]
        var counters: [Series: Double] = [:]
        var gauges: [Series: Double] = [:]
        var histograms: [Series: Histogram] = [:]
    }

    public static let latencyBuckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    private let state = Mutex(State())

    public init() {}

    public func describe(_ name: String, type: String, help: String) {
        state.withLock { $0.help[name] = (type, help) }
    }

    public func increment(_ name: String, labels: [String: String] = [:], by amount: Double = 1) {
        state.withLock { $0.counters[Series(name: name, labels: labels), default: 0] += amount }
    }

    public func set(_ name: String, labels: [String: String] = [:], to value: Double) {
        state.withLock { $0.gauges[Series(name: name, labels: labels)] = value }
    }

    public func observe(_ name: String, labels: [String: String] = [:], _ value: Double) {
        state.withLock { state in
            let series = Series(name: name, labels: labels)
            var histogram = state.histograms[series]
                ?? Histogram(buckets: Dictionary(uniqueKeysWithValues: Self.latencyBuckets.map { ($0, 0) }))
            for bound in Self.latencyBuckets where value <= bound { histogram.buckets[bound, default: 0] += 1 }
            histogram.count += 1
            histogram.sum += value
            state.histograms[series] = histogram
        }
    }

    /// The Prometheus text exposition (version 0.0.4).
    public func render() -> String {
        let snapshot = state.withLock { $0 }
        var lines: [String] = []
        let names = Set(snapshot.counters.keys.map(\.name))
            .union(snapshot.gauges.keys.map(\.name))
            .union(snapshot.histograms.keys.map(\.name))
            .union(snapshot.help.keys)
        for name in names.sorted() {
            if let help = snapshot.help[name] {
                lines.append("# HELP \(name) \(help.text)")
                lines.append("# TYPE \(name) \(help.type)")
            }
            for (series, value) in snapshot.counters.filter({ $0.key.name == name }).sorted(by: { Self.key($0.key) < Self.key($1.key) }) {
                lines.append("\(name)\(Self.labels(series.labels)) \(Self.number(value))")
            }
            for (series, value) in snapshot.gauges.filter({ $0.key.name == name }).sorted(by: { Self.key($0.key) < Self.key($1.key) }) {
                lines.append("\(name)\(Self.labels(series.labels)) \(Self.number(value))")
            }
            for (series, histogram) in snapshot.histograms.filter({ $0.key.name == name }).sorted(by: { Self.key($0.key) < Self.key($1.key) }) {
                for bound in Self.latencyBuckets {
                    var labels = series.labels
                    labels["le"] = Self.number(bound)
                    lines.append("\(name)_bucket\(Self.labels(labels)) \(histogram.buckets[bound] ?? 0)")
                }
                var labels = series.labels
                labels["le"] = "+Inf"
                lines.append("\(name)_bucket\(Self.labels(labels)) \(histogram.count)")
                lines.append("\(name)_sum\(Self.labels(series.labels)) \(Self.number(histogram.sum))")
                lines.append("\(name)_count\(Self.labels(series.labels)) \(histogram.count)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func key(_ series: Series) -> String {
        series.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    private static func labels(_ labels: [String: String]) -> String {
        guard !labels.isEmpty else { return "" }
        let body = labels.sorted { $0.key < $1.key }.map { key, value in
            let escaped = value
                .replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
            return "\(key)=\"\(escaped)\""
        }
        return "{" + body.joined(separator: ",") + "}"
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
