import Glibc
import ParleyRedaction

/// Measures MB/s of `Redactor.redact` over the corpus texts on one core, next to
/// trivial passes over the same bytes so the figure reads as a ratio.
struct ThroughputBenchmark {
    struct Result: Codable {
        let name: String
        let bytes: Int
        /// Wall-clock seconds.
        let seconds: Double
        /// CPU seconds of this thread (robust when other processes share the cores).
        let cpuSeconds: Double
        var megabytesPerSecond: Double { Double(bytes) / 1_000_000 / seconds }
        var megabytesPerCPUSecond: Double { Double(bytes) / 1_000_000 / cpuSeconds }

        enum CodingKeys: String, CodingKey {
            case name, bytes, seconds, cpuSeconds, megabytesPerSecond, megabytesPerCPUSecond
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(bytes, forKey: .bytes)
            try container.encode(seconds, forKey: .seconds)
            try container.encode(cpuSeconds, forKey: .cpuSeconds)
            try container.encode(megabytesPerSecond, forKey: .megabytesPerSecond)
            try container.encode(megabytesPerCPUSecond, forKey: .megabytesPerCPUSecond)
        }

        init(name: String, bytes: Int, seconds: Double, cpuSeconds: Double) {
            self.name = name
            self.bytes = bytes
            self.seconds = seconds
            self.cpuSeconds = cpuSeconds
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            bytes = try container.decode(Int.self, forKey: .bytes)
            seconds = try container.decode(Double.self, forKey: .seconds)
            cpuSeconds = try container.decode(Double.self, forKey: .cpuSeconds)
        }
    }

    let texts: [String]
    let minimumSeconds: Double

    func run(redactor: Redactor) -> [Result] {
        [
            measure("baseline: utf8.count per line") { text in text.utf8.count },
            measure("baseline: lowercased() copy") { text in text.lowercased().utf8.count },
            measure("baseline: byte loop (count spaces)") { text in
                var spaces = 0
                for byte in text.utf8 where byte == 0x20 { spaces += 1 }
                return spaces
            },
            measure("Redactor.detect") { text in redactor.detect(text).count },
            measure("Redactor.redact") { text in redactor.redact(text).redactedText.utf8.count },
        ]
    }

    /// `detect` throughput with only one entity type enabled, to see which
    /// detector costs what.
    func runPerType() throws -> [Result] {
        var results: [Result] = []
        for type in PIIEntityType.allCases {
            var entities: [PIIEntityType: EntityPolicy] = [:]
            for other in PIIEntityType.allCases where other != type { entities[other] = EntityPolicy(enabled: false) }
            let redactor = try Redactor(policy: RedactionPolicy(entities: entities))
            results.append(measure("detect, only \(type.rawValue)") { text in redactor.detect(text).count })
        }
        return results
    }

    /// Repeats full passes until `minimumSeconds` have elapsed.
    private func measure(_ name: String, _ work: (String) -> Int) -> Result {
        let clock = ContinuousClock()
        let bytesPerPass = texts.reduce(0) { $0 + $1.utf8.count }
        var sink = 0
        for text in texts.prefix(200) { sink &+= work(text) }  // warm-up
        var passes = 0
        let cpuStart = threadCPUSeconds()
        let start = clock.now
        var elapsed = Duration.zero
        repeat {
            for text in texts { sink &+= work(text) }
            passes += 1
            elapsed = clock.now - start
        } while elapsed < .milliseconds(Int(minimumSeconds * 1000))
        let cpu = threadCPUSeconds() - cpuStart
        blackHole(sink)
        return Result(name: name, bytes: bytesPerPass * passes, seconds: elapsed.seconds, cpuSeconds: cpu)
    }
}

/// CPU time consumed by the calling thread.
func threadCPUSeconds() -> Double {
    var spec = timespec()
    guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec) == 0 else { return 0 }
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

@inline(never) func blackHole(_ value: Int) {
    if value == 42_424_242 { preconditionFailure("unreachable sink value") }
}

extension Duration {
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
