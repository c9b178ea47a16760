import Foundation
import ParleyEncoder
import ParleyNLU

/// How long BANKING77's messages are in the encoder's word pieces
/// ([CLS] and [SEP] included), to choose the window the cascade's encoder
/// reads: train.csv only (test.csv is not read), counted with the file's own
/// tokenizer, so a window under the file's shows as its cut-off share.
enum TokenBench {
    static func run(data: BenchData, encoderURL: URL) throws {
        let encoder = try SentenceEncoder(contentsOf: encoderURL)
        let counts = data.train.map { Double(encoder.tokenizer.tokenize($0.text).count) }
        let window = encoder.configuration.maxTokens
        say("train.csv: \(counts.count) messages; word pieces with [CLS] and [SEP], counted up to the file's window of \(window)")
        say("  p50 \(Int(percentile(counts, 50))), p90 \(Int(percentile(counts, 90))), p99 \(Int(percentile(counts, 99))), p99.9 \(Int(percentile(counts, 99.9))), max \(Int(counts.max() ?? 0))")
        for limit in [16, 24, 32, 48, 64, 96, 128] where limit < window {
            let over = counts.filter { $0 > Double(limit) }.count
            say("  longer than \(limit): \(over) (\(pct(Double(over) / Double(counts.count))) %)")
        }
    }
}
