import Benchmark
import MicroBenchmarkSupport
import ParleyRedaction

// Redaction of one customer turn with the default policy, as the pipeline runs
// it before anything is stored, beside the byte loop over the same text
// (redaction-bench's baseline). Precision, recall and MB/s over the generated
// corpus, and the pathological inputs, stay in redaction-bench.

let benchmarks: @Sendable () -> Void = {
    let configuration = MicroConfiguration.configuration()
    for (name, text) in [("typical message", Messages.typical), ("2 KB message", Messages.long)] {
        Benchmark("Redaction: baseline: byte loop over a \(name)", configuration: configuration) { benchmark in
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations { blackHole(countSpaces(text)) }
        }
        Benchmark("Redaction: redact a \(name)", configuration: configuration) { benchmark in
            let redactor = try Redactor(policy: .default)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations { blackHole(redactor.redact(text)) }
            benchmark.stopMeasurement()
            if redactor.redact(text).redactedText == text { benchmark.error("nothing was redacted") }
        }
    }
}
