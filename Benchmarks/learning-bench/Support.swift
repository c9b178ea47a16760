import Foundation
import ParleyNLU

/// Unbuffered line output.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Monotonic seconds since `start`.
func seconds(since start: ContinuousClock.Instant) -> Double {
    let parts = (ContinuousClock.now - start).components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let rank = min(sorted.count - 1, max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))
    return sorted[rank]
}

func pct(_ value: Double) -> String { String(format: "%.2f", value * 100) }

/// Accuracy of a model's linear ranking on labelled examples (the test set).
func accuracy(_ parser: NLUParser, on examples: [LabeledUtterance]) -> Double {
    let right = examples.filter { parser.parse($0.text).intent.name == $0.intent }.count
    return Double(right) / Double(max(examples.count, 1))
}

/// `--name value` options.
struct Options {
    private var values: [String: String] = [:]

    init(_ arguments: ArraySlice<String>) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            guard argument.hasPrefix("--") else { continue }
            values[String(argument.dropFirst(2))] = iterator.next() ?? ""
        }
    }

    subscript(_ name: String) -> String? { values[name] }

    func int(_ name: String, _ fallback: Int) -> Int { values[name].flatMap(Int.init) ?? fallback }
}

/// SplitMix64: the same seed, the same traffic order and random baseline.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
