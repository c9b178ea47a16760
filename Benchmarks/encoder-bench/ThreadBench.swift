import Foundation
import ParleyEncoder

/// One thread against a pass split over the helper pool, in one run: wall time
/// per sentence (what a caller waits), the process's CPU time per sentence
/// (the helpers' share and their spinning included), and two callers at once,
/// where only one pass at a time can have the helpers.
enum ThreadBench {
    static func run(encoder: SentenceEncoder, sentences: [[Int32]], rounds: Int) {
        let single = encoder.with(threads: .count(1))
        let pooled = encoder.with(threads: threads())
        say("threads: one thread vs the pool (\(EncoderThreads.available) workers on this host, encoder_threads \(pooled.threads)), kernel \(encoder.kernel.rawValue), one 16-token sentence, \(rounds) runs each, interleaved:")
        _ = single.embed(tokens: [sentences[0]])
        _ = pooled.embed(tokens: [sentences[0]])
        var wall: [[Double]] = [[], []], cpu: [[Double]] = [[], []]
        for run in 0..<rounds {
            for (arm, timed) in [single, pooled].enumerated() {
                let start = now()
                let cpuStart = processCPUNow()
                _ = timed.embed(tokens: [sentences[run % sentences.count]])
                cpu[arm].append(Double(processCPUNow() - cpuStart) / 1e9)
                wall[arm].append(seconds(since: start))
            }
        }
        for (arm, name) in ["one thread", "pooled"].enumerated() {
            say("  \(name): wall p50 \(ms(percentile(wall[arm], 50))) ms, p99 \(ms(percentile(wall[arm], 99))) ms; process CPU p50 \(ms(percentile(cpu[arm], 50))) ms, mean \(ms(cpu[arm].reduce(0, +) / Double(cpu[arm].count))) ms")
        }
        say("  pooled / one thread: wall p50 \(String(format: "%.2f", percentile(wall[1], 50) / percentile(wall[0], 50)))x, process CPU p50 \(String(format: "%.2f", percentile(cpu[1], 50) / percentile(cpu[0], 50)))x")

        // Two callers at once, each embedding its own sentences one at a time, as two turns would;
        // the arms take turns three times, so that the machine's other load falls on both alike.
        let perCaller = max(rounds / 3, 50)
        var rates: [[Double]] = [[], []], cpuPer: [[Double]] = [[], []]
        var joins: UInt64 = 0
        for _ in 0..<3 {
            for (arm, timed) in [single, pooled].enumerated() {
                let start = now()
                let cpuStart = processCPUNow()
                let joinsBefore = EncoderThreads.helperJoins
                let group = DispatchGroup()
                for caller in 0..<2 {
                    group.enter()
                    Thread.detachNewThread {
                        for run in 0..<perCaller { _ = timed.embed(tokens: [sentences[(run + caller * 7) % sentences.count]]) }
                        group.leave()
                    }
                }
                group.wait()
                rates[arm].append(Double(2 * perCaller) / seconds(since: start))
                cpuPer[arm].append(Double(processCPUNow() - cpuStart) / 1e9 / Double(2 * perCaller))
                if arm == 1 { joins += EncoderThreads.helperJoins - joinsBefore }
            }
        }
        for (arm, name) in ["one thread", "pooled"].enumerated() {
            say("  two callers at once, \(perCaller) sentences each, x3, \(name): \(rates[arm].map { String(format: "%.0f", $0) }.joined(separator: ", ")) sentences/s; process CPU \(cpuPer[arm].map(ms).joined(separator: ", ")) ms a sentence")
        }
        say("  two callers, pooled / one thread: throughput \(String(format: "%.2f", rates[1].reduce(0, +) / rates[0].reduce(0, +)))x, CPU a sentence \(String(format: "%.2f", cpuPer[1].reduce(0, +) / cpuPer[0].reduce(0, +)))x; helper joins during the pooled arm \(joins)")
    }

    /// `--threads N|auto` (default auto).
    static func threads() -> EncoderThreads {
        options["threads"].flatMap(EncoderThreads.init(parsing:)) ?? .automatic
    }
}

/// The process's CPU time in nanoseconds (every thread: the pool's helpers too).
func processCPUNow() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}
