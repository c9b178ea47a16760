import Foundation

/// Measures how an operation's cost grows with its input: the CPU time it
/// takes on a short and on a long input (CPU time, not wall time: a test
/// machine shared with other builds deschedules the test at random), timed
/// in alternation, each sample repeating the call until it lasts a few
/// milliseconds, and the best sample of each counts. A super-linear
/// stage exceeds the bound every time; a busy machine only now and then, so
/// a measurement over the bound is taken again, up to three times in all,
/// and the best ratio is the result.
///
/// A linear stage costs at most `sizeRatio` times more on the long input
/// (less, with fixed costs); the tests allow twice that. A quadratic stage
/// on 400 against 4,000 characters costs about a hundred times more.
public enum ScalingProbe {
    public struct Measurement: CustomStringConvertible, Sendable {
        public let shortSeconds: Double
        public let longSeconds: Double
        public let sizeRatio: Double

        public var timeRatio: Double { longSeconds / max(shortSeconds, 1e-9) }
        /// Twice linear: the tests' bound.
        public var isAtMostTwiceLinear: Bool { timeRatio <= 2 * sizeRatio }

        public var description: String {
            String(format: "short %.1f µs, long %.1f µs: time ratio %.1f for size ratio %.0f", shortSeconds * 1e6, longSeconds * 1e6, timeRatio, sizeRatio)
        }
    }

    public static let attempts = 3
    public static let samples = 7
    static let minimumSample: Duration = .milliseconds(3)

    /// `samples` per attempt: fewer for inputs of a mebibyte, where one call is a sample.
    public static func measure<Input>(
        short: Input, long: Input, sizeRatio: Double, samples: Int = ScalingProbe.samples, _ body: (Input) throws -> Void
    ) rethrows -> Measurement {
        // Warm both first: caches, lazily built tables (the long input's first
        // call counts its repetitions below).
        try body(short)
        let shortRepetitions = try repetitions { try body(short) }
        let longRepetitions = try repetitions { try body(long) }
        var best: Measurement?
        for _ in 0..<attempts {
            var shortSeconds = Double.infinity
            var longSeconds = Double.infinity
            for _ in 0..<samples {
                shortSeconds = min(shortSeconds, try sample(shortRepetitions) { try body(short) })
                longSeconds = min(longSeconds, try sample(longRepetitions) { try body(long) })
            }
            let measurement = Measurement(shortSeconds: shortSeconds, longSeconds: longSeconds, sizeRatio: sizeRatio)
            if best.map({ measurement.timeRatio < $0.timeRatio }) ?? true { best = measurement }
            if measurement.isAtMostTwiceLinear { break }
        }
        return best!
    }

    /// Async variant, for operations that await (a whole turn): one call a sample.
    public static func measure(
        short: String, long: String, sizeRatio: Double, _ body: (String) async throws -> Void
    ) async rethrows -> Measurement {
        try await body(short)
        try await body(long)
        // A task may resume on another thread: the process's CPU time (the
        // suite is serialized, so it is this operation's).
        func timed(_ input: String) async throws -> Double {
            let start = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID)
            try await body(input)
            return cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - start
        }
        var best: Measurement?
        for _ in 0..<attempts {
            var shortSeconds = Double.infinity
            var longSeconds = Double.infinity
            for _ in 0..<samples {
                shortSeconds = min(shortSeconds, try await timed(short))
                longSeconds = min(longSeconds, try await timed(long))
            }
            let measurement = Measurement(shortSeconds: shortSeconds, longSeconds: longSeconds, sizeRatio: sizeRatio)
            if best.map({ measurement.timeRatio < $0.timeRatio }) ?? true { best = measurement }
            if measurement.isAtMostTwiceLinear { break }
        }
        return best!
    }

    /// Calls per sample so that one sample lasts at least ``minimumSample``.
    private static func repetitions(_ body: () throws -> Void) rethrows -> Int {
        var count = 1
        while count < 1 << 20 {
            let start = cpuSeconds(CLOCK_THREAD_CPUTIME_ID)
            for _ in 0..<count { try body() }
            if cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - start >= minimumSample.seconds { break }
            count *= 2
        }
        return count
    }

    /// The calling thread's CPU time per call.
    private static func sample(_ repetitions: Int, _ body: () throws -> Void) rethrows -> Double {
        let start = cpuSeconds(CLOCK_THREAD_CPUTIME_ID)
        for _ in 0..<repetitions { try body() }
        return (cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - start) / Double(repetitions)
    }

    public static func cpuSeconds(_ clock: clockid_t) -> Double {
        var time = timespec()
        guard clock_gettime(clock, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Runs CPU-bound work on a thread of its own, one measurement at a time: a
/// test that measures for a minute must not hold one of the Swift
/// concurrency pool's few threads, on which every other test (live servers
/// included) runs, and dozens of measurements at once would starve those
/// tests of the cores (and measure each other).
public func onDedicatedThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        let thread = Thread {
            measurementSlot.wait()
            let result = work()
            measurementSlot.signal()
            continuation.resume(returning: result)
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
}

/// One measurement runs at a time (``onDedicatedThread(_:)``).
private let measurementSlot = DispatchSemaphore(value: 1)

extension Duration {
    public var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
