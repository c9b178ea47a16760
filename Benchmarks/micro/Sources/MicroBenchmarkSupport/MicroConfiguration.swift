import Benchmark

/// The settings every Parley micro-benchmark shares, so that a baseline
/// comparison applies the same thresholds everywhere (README, "Benchmarks").
public enum MicroConfiguration {
    /// What each benchmark records.
    public static var metrics: [BenchmarkMetric] { [.wallClock, .cpuTotal, .mallocCountTotal, .throughput] }

    /// What fails `benchmark baseline compare` (and `thresholds check`):
    /// - median CPU time more than 15 % above the baseline's; wall-clock time
    ///   more than 25 % (the machines are shared, so wall clock is noisier);
    /// - any allocation more than the baseline at the median: allocation
    ///   counts do not depend on the machine, so one more is a real change.
    public static var thresholds: [BenchmarkMetric: BenchmarkThresholds] {
        [
            .cpuTotal: BenchmarkThresholds(relative: [.p50: 15.0]),
            .wallClock: BenchmarkThresholds(relative: [.p50: 25.0]),
            .mallocCountTotal: BenchmarkThresholds(absolute: [.p50: 0]),
        ]
    }

    /// A configuration with Parley's metrics and thresholds.
    /// - Parameters:
    ///   - scalingFactor: operations per measured iteration, for operations
    ///     so short that one call would be mostly timer overhead.
    ///   - maxDuration: how long each benchmark samples (after warm-up).
    public static func configuration(
        scalingFactor: BenchmarkScalingFactor = .one,
        maxDuration: Duration = .seconds(2)
    ) -> Benchmark.Configuration {
        Benchmark.Configuration(
            metrics: metrics,
            warmupIterations: 10,
            scalingFactor: scalingFactor,
            maxDuration: maxDuration,
            maxIterations: 100_000,
            thresholds: thresholds
        )
    }
}
