import ParleyRedaction

/// Times `redact` on 100 KB adversarial inputs: long runs that a backtracking
/// regex or a rescanning loop would turn quadratic.
struct PathologicalBenchmark {
    struct Result: Codable {
        let name: String
        let bytes: Int
        /// Wall-clock milliseconds, the best of `repeats` runs.
        let milliseconds: Double
        /// CPU milliseconds of this thread, the best of `repeats` runs (robust
        /// when other processes share the cores).
        let cpuMilliseconds: Double
        let spans: Int
    }

    /// Runs per input; the best is reported, so a run that the scheduler
    /// interrupted does not stand for the input's cost.
    static let repeats = 5

    static let size = 100_000

    static func inputs() -> [(String, String)] {
        func repeated(_ unit: String) -> String {
            String(repeating: unit, count: size / unit.utf8.count)
        }
        return [
            ("digits", repeated("7")),
            ("dots", repeated(".")),
            ("at signs", repeated("@")),
            ("a@a.a@", repeated("a@a.a@")),
            ("digits with single spaces", repeated("4 ")),
            ("digit quads with spaces", repeated("4111 ")),
            ("colons", repeated(":")),
            ("hex and colons", repeated("a:")),
            ("1.1.1.1.1…", repeated("1.")),
            ("letters", repeated("a")),
            ("capitalised words", repeated("Name ")),
            ("my name is …", repeated("my name is ")),
            ("born on …", repeated("born on ")),
            ("www.", repeated("www.")),
            ("http://", repeated("http://")),
            ("IBAN-like", repeated("GB82 ")),
            ("emoji", repeated("😀")),
            ("real valid values", repeated("card 4111 1111 1111 1111 mail a.b@example.com ")),
            // Words that pass the crypto detector's shape checks and reach a decoder or a hash.
            ("base58 SS58-shaped words", repeated("5Dsg8P4xyRxqfFHkr8AXumufmX4TS5Ni5QtbPhS9b13SaetX ")),
            ("0x + 40 mixed-case hex", repeated("0x023f8a94136817e114fc15975e3d6d5eedbde30A ")),
            ("bech32-shaped words", repeated("bc1qsyrrz56d0fqplmcdu7dazwzcrdueant30t549x ")),
        ]
    }

    func run(redactor: Redactor) -> [Result] {
        let clock = ContinuousClock()
        return Self.inputs().map { name, text in
            var wall = Double.infinity
            var cpu = Double.infinity
            var spans = 0
            for _ in 0..<Self.repeats {
                let cpuStart = threadCPUSeconds()
                let start = clock.now
                let result = redactor.redact(text)
                wall = min(wall, (clock.now - start).seconds * 1000)
                cpu = min(cpu, (threadCPUSeconds() - cpuStart) * 1000)
                spans = result.spans.count
            }
            return Result(name: name, bytes: text.utf8.count, milliseconds: wall, cpuMilliseconds: cpu, spans: spans)
        }
    }
}
