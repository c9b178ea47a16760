import Foundation
import ParleyEncoder
import ParleyNLU

func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func seconds(since start: UInt64) -> Double { Double(now() - start) / 1e9 }

/// This thread's CPU time in nanoseconds: unlike wall time, it leaves out the
/// time other processes on this shared machine held the core.
func cpuNow() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

func cpuSeconds(since start: UInt64) -> Double { Double(cpuNow() - start) / 1e9 }
func pct(_ value: Double) -> String { String(format: "%.2f", value * 100) }
func ms(_ s: Double) -> String { String(format: "%.3f", s * 1000) }

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let rank = min(sorted.count - 1, max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))
    return sorted[rank]
}

/// The encoder file of one precision (`f32`, `f16`, `i8`) in `directory`, as packaging/encoder/make.sh names it.
func precisionFile(_ precision: String, in directory: URL) -> URL {
    directory.appendingPathComponent("all-minilm-l6-v2-\(precision).parleyenc")
}

/// BANKING77 and the validation split nlu-bench uses (15 %, seed 7).
struct BenchData {
    let directory: URL
    let train: [LabeledUtterance]

    init(directory: URL) throws {
        self.directory = directory
        train = try IntentCSV.read(from: directory.appendingPathComponent("train.csv"))
    }

    /// Read only by `final`, once per configuration.
    func test() throws -> [LabeledUtterance] { try IntentCSV.read(from: directory.appendingPathComponent("test.csv")) }

    func validationSplit() throws -> (training: [LabeledUtterance], holdout: [LabeledUtterance]) {
        try StratifiedSplit.holdout(train, fraction: 0.15, seed: 7)
    }
}

struct Options {
    private var values: [String: String] = [:]
    init(_ arguments: ArraySlice<String>) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            guard argument.hasPrefix("--") else { continue }
            values[String(argument.dropFirst(2))] = iterator.next() ?? ""
        }
    }
    subscript(name: String) -> String? { values[name] }
}

/// Embeddings of public benchmark texts, kept in a file between runs.
struct BenchCache {
    let url: URL
    var cache: EmbeddingCache

    init(encoder: SentenceEncoder) {
        url = URL(fileURLWithPath: options["cache"] ?? "/tmp/encoder-bench-\(encoder.fileSHA256.prefix(12)).cache")
        if let data = try? Data(contentsOf: url), let cached = try? EmbeddingCache(decoding: Array(data), encoderSHA256: encoder.fileSHA256) {
            cache = cached
        } else {
            cache = EmbeddingCache(for: encoder)
        }
    }

    /// Embeddings of `texts`; reports the cost of those computed now.
    mutating func embeddings(_ texts: [String], encoder: SentenceEncoder, label: String) throws -> [[Float]] {
        let start = now()
        let (embeddings, computed) = try cache.embeddings(of: texts, encoder: encoder)
        let elapsed = seconds(since: start)
        if computed > 0 {
            say("embedded \(computed) \(label) texts in \(String(format: "%.1f", elapsed)) s (\(String(format: "%.2f", elapsed / Double(computed) * 1000)) ms each, batches of 32, kernel \(encoder.kernel.rawValue))")
            try Data(cache.encoded()).write(to: url)
        } else {
            say("\(label): \(texts.count) embeddings from the cache \(url.path)")
        }
        return embeddings
    }
}
