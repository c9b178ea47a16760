import Foundation
import Glibc
@_spi(Benchmarks) import ParleyRedaction

/// `--stages`: where a redaction's time goes. Every corpus text is redacted
/// with a lap at the end of each stage (``RedactionStage``); the laps are read
/// from the monotonic clock (a thread-CPU clock is a system call per read,
/// which would cost more than most stages), summed over passes for at least
/// `minimumSeconds`, and reported as µs per KiB of text beside the byte loop
/// and a lap-free `redact` of the same run.
struct StageBenchmark {
    struct Row {
        let name: String
        let microsecondsPerKiB: Double
    }

    let texts: [String]
    let minimumSeconds: Double

    func run(redactor: Redactor) -> (baseline: [Row], stages: [Row]) {
        let bytes = Double(texts.reduce(0) { $0 + $1.utf8.count })
        var sink = 0
        let byteLoop = perKiB(bytes) {
            for text in texts {
                for byte in text.utf8 where byte == 0x20 { sink &+= 1 }
            }
        }
        let plain = perKiB(bytes) {
            for text in texts { sink &+= redactor.redact(text).spans.count }
        }
        var totals = [UInt64](repeating: 0, count: RedactionStage.allCases.count)
        var passes = 0
        let start = monotonicNanoseconds()
        repeat {
            for text in texts {
                var last = monotonicNanoseconds()
                sink &+= redactor.redact(text) { stage in
                    let now = monotonicNanoseconds()
                    totals[stage.rawValue] &+= now &- last
                    last = now
                }.spans.count
            }
            passes += 1
        } while Double(monotonicNanoseconds() - start) / 1e9 < minimumSeconds
        blackHole(sink)
        let kibibytes = bytes * Double(passes) / 1024
        let stages = RedactionStage.allCases.map { Row(name: $0.name, microsecondsPerKiB: Double(totals[$0.rawValue]) / 1000 / kibibytes) }
        let sum = stages.reduce(0) { $0 + $1.microsecondsPerKiB }
        return (
            [
                Row(name: "baseline: byte loop (count spaces)", microsecondsPerKiB: byteLoop),
                Row(name: "Redactor.redact, no laps", microsecondsPerKiB: plain),
                Row(name: "sum of the stages below (with laps)", microsecondsPerKiB: sum),
            ],
            stages
        )
    }

    /// Wall-clock µs per KiB of `pass` over the corpus, repeated for `minimumSeconds`.
    private func perKiB(_ bytes: Double, _ pass: () -> Void) -> Double {
        pass()  // warm-up
        var passes = 0
        let start = monotonicNanoseconds()
        var elapsed: UInt64 = 0
        repeat {
            pass()
            passes += 1
            elapsed = monotonicNanoseconds() - start
        } while Double(elapsed) / 1e9 < minimumSeconds
        return Double(elapsed) / 1000 / (bytes * Double(passes) / 1024)
    }

    static func table(baseline: [Row], stages: [Row]) -> String {
        let loop = baseline.first?.microsecondsPerKiB ?? 1
        var lines = ["stage".padding(toLength: 40, withPad: " ", startingAt: 0) + "  µs/KiB   vs byte loop"]
        for row in baseline + stages {
            lines.append(row.name.padding(toLength: 40, withPad: " ", startingAt: 0)
                + String(format: "%8.2f   %11.1f×", row.microsecondsPerKiB, row.microsecondsPerKiB / loop))
            if row.name.hasPrefix("sum of") { lines.append("") }
        }
        return lines.joined(separator: "\n")
    }
}

/// CLOCK_MONOTONIC in nanoseconds (read from the vDSO: no system call).
func monotonicNanoseconds() -> UInt64 {
    var spec = timespec()
    guard clock_gettime(CLOCK_MONOTONIC, &spec) == 0 else { return 0 }
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}
