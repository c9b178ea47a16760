import Foundation
import ParleyEncoder

/// Tokenizer and encoder speed; the generic kernel is the baseline measured in the same run.
enum SpeedBench {
    static func run(encoderURL: URL, data: BenchData?) throws {
        let rounds = Int(options["rounds"] ?? "200") ?? 200
        var loadTimes: [Double] = []
        var encoder: SentenceEncoder?
        for _ in 0..<3 {
            let start = now()
            encoder = try SentenceEncoder(contentsOf: encoderURL)
            loadTimes.append(seconds(since: start))
        }
        guard let encoder else { return }
        let fileBytes = (try? FileManager.default.attributesOfItem(atPath: encoderURL.resolvingSymlinksInPath().path)[.size] as? Int) ?? 0
        say("encoder \(encoder.configuration.name) (\(encoder.configuration.precision) file, \(fileBytes) bytes; \(encoder.memoryBytes) bytes of weights in memory: \(encoder.configuration.precision == "f32" ? "f32" : encoder.configuration.precision == "i8" ? "int8" : "binary16") layers, f32 embedding tables); load p50 \(ms(percentile(loadTimes, 50))) ms")
        say("kernel chosen on this CPU: \(encoder.kernel.rawValue); supported here: \(EncoderKernel.allCases.filter(\.isSupported).map(\.rawValue).joined(separator: ", "))")

        let texts = data?.train.map(\.text) ?? ["I am still waiting on my card, it has been two weeks now and nothing arrived?"]
        // Tokenizer: every text, several rounds, each call timed.
        var tokenTimes: [Double] = []
        var tokenCount = 0
        for _ in 0..<3 {
            for text in texts {
                let start = now()
                let ids = encoder.tokenizer.tokenize(text)
                tokenTimes.append(seconds(since: start))
                tokenCount += ids.count
            }
        }
        say("tokenizer over \(texts.count) BANKING77 train texts x3: p50 \(String(format: "%.2f", percentile(tokenTimes, 50) * 1e6)) µs, p99 \(String(format: "%.2f", percentile(tokenTimes, 99) * 1e6)) µs, mean \(String(format: "%.1f", Double(tokenCount) / Double(tokenTimes.count))) tokens")

        let sixteen = texts.map(encoder.tokenizer.tokenize).filter { $0.count == 16 }
        let sentences = sixteen.isEmpty ? [Array(encoder.tokenizer.tokenize(texts[0]).prefix(16))] : Array(sixteen.prefix(64))
        say("one 16-token sentence ([CLS] and [SEP] included), \(rounds) runs over \(sentences.count) different sentences:")
        if let runs = options["loop"].flatMap(Int.init) {
            // For `perf record`: the chosen kernel on 16-token sentences, nothing else.
            for run in 0..<runs { _ = encoder.embed(tokens: [sentences[run % sentences.count]]) }
            return
        }
        var medians: [EncoderKernel: Double] = [:]
        for kernel in EncoderKernel.allCases where kernel.isSupported {
            // One thread: this thread's CPU time is then the whole pass (see ThreadBench for the pool).
            let timed = try SentenceEncoder(contentsOf: encoderURL, kernel: kernel, threads: .count(1))
            let runs = kernel == .generic ? max(rounds / 4, 20) : rounds
            _ = timed.embed(tokens: [sentences[0]])
            var times: [Double] = []
            var cpu: [Double] = []
            for run in 0..<runs {
                let start = now()
                let cpuStart = cpuNow()
                _ = timed.embed(tokens: [sentences[run % sentences.count]])
                cpu.append(cpuSeconds(since: cpuStart))
                times.append(seconds(since: start))
            }
            medians[kernel] = percentile(cpu, 50)
            let baseline = medians[.generic].map { String(format: " = %.1fx faster than generic (CPU time)", $0 / percentile(cpu, 50)) } ?? " (baseline)"
            say("  \(kernel.rawValue) (\(timed.memoryBytes / 1_000_000) MB of weights): CPU time p50 \(ms(percentile(cpu, 50))) ms, p99 \(ms(percentile(cpu, 99))) ms; wall p50 \(ms(percentile(times, 50))) ms, p99 \(ms(percentile(times, 99))) ms\(baseline)")
        }

        ThreadBench.run(encoder: encoder, sentences: sentences, rounds: rounds)

        try PrecisionSpeed.run(directory: encoderURL.deletingLastPathComponent(), sentences: sentences, texts: texts, rounds: rounds)

        // Batch throughput with the chosen kernel, one thread: single sentences, then batches of 32.
        let oneThread = encoder.with(threads: .count(1))
        let pool = Array(texts.prefix(512))
        let singleStart = cpuNow()
        for text in pool.prefix(128) { _ = oneThread.embed(text) }
        let singleRate = 128 / cpuSeconds(since: singleStart)
        let batchStart = cpuNow()
        var done = 0
        for start in stride(from: 0, to: pool.count, by: 32) {
            done += oneThread.embed(Array(pool[start..<min(start + 32, pool.count)])).count
        }
        let batchRate = Double(done) / cpuSeconds(since: batchStart)
        say("throughput per core (\(encoder.kernel.rawValue), BANKING77 texts, CPU time): one at a time \(String(format: "%.0f", singleRate)) sentences/s; batches of 32 \(String(format: "%.0f", batchRate)) sentences/s (\(String(format: "%.2f", batchRate / singleRate))x)")
    }
}
