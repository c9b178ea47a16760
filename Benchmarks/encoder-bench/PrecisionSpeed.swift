import Foundation
import ParleyEncoder

/// CPU time per 16-token sentence and batch throughput of the f32, f16 and i8
/// files with the chosen kernel, in one run: the files take turns sentence by
/// sentence, so the load of this shared machine falls on all three alike.
enum PrecisionSpeed {
    static func run(directory: URL, sentences: [[Int32]], texts: [String], rounds: Int) throws {
        var encoders: [(String, SentenceEncoder)] = []
        for precision in ["f32", "f16", "i8"] {
            let url = precisionFile(precision, in: directory)
            guard FileManager.default.fileExists(atPath: url.path) else {
                say("precision \(precision): no file at \(url.path)")
                continue
            }
            encoders.append((precision, try SentenceEncoder(contentsOf: url, threads: .count(1))))
        }
        guard !encoders.isEmpty else { return }
        say("load average before: \(loadAverage())")
        say("f32 vs f16 vs i8, kernel \(encoders[0].1.kernel.rawValue), one 16-token sentence, \(rounds) runs each, interleaved:")
        for (_, encoder) in encoders { _ = encoder.embed(tokens: [sentences[0]]) }
        var cpu = [[Double]](repeating: [], count: encoders.count), wall = cpu
        for run in 0..<rounds {
            for (index, (_, encoder)) in encoders.enumerated() {
                let start = now()
                let cpuStart = cpuNow()
                _ = encoder.embed(tokens: [sentences[run % sentences.count]])
                cpu[index].append(cpuSeconds(since: cpuStart))
                wall[index].append(seconds(since: start))
            }
        }
        let f16 = encoders.firstIndex { $0.0 == "f16" }.map { percentile(cpu[$0], 50) }
        for (index, (precision, encoder)) in encoders.enumerated() {
            let ratio = f16.map { String(format: "; f16 p50 / this p50 = %.2f", $0 / percentile(cpu[index], 50)) } ?? ""
            say("  \(precision) (\(encoder.memoryBytes / 1_000_000) MB of weights in memory): CPU p50 \(ms(percentile(cpu[index], 50))) ms, p90 \(ms(percentile(cpu[index], 90))) ms, p99 \(ms(percentile(cpu[index], 99))) ms; wall p50 \(ms(percentile(wall[index], 50))) ms, p90 \(ms(percentile(wall[index], 90))) ms\(ratio)")
        }
        // Batches of 32 BANKING77 texts, the files taking turns batch by batch.
        let pool = Array(texts.prefix(512))
        var batchCPU = [Double](repeating: 0, count: encoders.count)
        var done = [Int](repeating: 0, count: encoders.count)
        for start in stride(from: 0, to: pool.count, by: 32) {
            let batch = Array(pool[start..<min(start + 32, pool.count)])
            for (index, (_, encoder)) in encoders.enumerated() {
                let cpuStart = cpuNow()
                done[index] += encoder.embed(batch).count
                batchCPU[index] += cpuSeconds(since: cpuStart)
            }
        }
        for (index, (precision, _)) in encoders.enumerated() {
            say("  \(precision) batches of 32 (\(done[index]) texts): \(String(format: "%.0f", Double(done[index]) / batchCPU[index])) sentences/s per core (CPU time)")
        }
        say("load average after: \(loadAverage())")
    }

    static func loadAverage() -> String {
        var loads = [Double](repeating: 0, count: 3)
        guard getloadavg(&loads, 3) == 3 else { return "unavailable" }
        return loads.map { String(format: "%.2f", $0) }.joined(separator: " ")
    }
}
