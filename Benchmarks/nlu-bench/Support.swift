import Foundation
import ParleyNLU

/// Unbuffered line output (stdout to a file is block-buffered otherwise).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Monotonic nanoseconds.
func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func seconds(since start: UInt64) -> Double { Double(now() - start) / 1e9 }

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let rank = min(sorted.count - 1, max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))
    return sorted[rank]
}

func pct(_ value: Double) -> String { String(format: "%.2f", value * 100) }

func argmax(_ values: [Float]) -> Int {
    var best = 0
    for index in values.indices where values[index] > values[best] { best = index }
    return best
}

/// Where BANKING77 lives and the fixed validation split every tuning step uses.
struct BenchData {
    static let validationFraction = 0.15
    static let validationSeed: UInt64 = 7

    let directory: URL
    let train: [LabeledUtterance]

    init(directory: URL) throws {
        self.directory = directory
        train = try IntentCSV.read(from: directory.appendingPathComponent("train.csv"))
    }

    /// Test examples: read only by `final` and `oos`, once per final configuration.
    func test() throws -> [LabeledUtterance] {
        try IntentCSV.read(from: directory.appendingPathComponent("test.csv"))
    }

    func validationSplit() throws -> (training: [LabeledUtterance], holdout: [LabeledUtterance]) {
        try StratifiedSplit.holdout(train, fraction: Self.validationFraction, seed: Self.validationSeed)
    }
}

/// `--name value` options after the command.
struct Options {
    private var values: [String: String] = [:]
    private(set) var positional: [String] = []

    init(_ arguments: ArraySlice<String>) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument.hasPrefix("--") {
                values[String(argument.dropFirst(2))] = iterator.next() ?? ""
            } else {
                positional.append(argument)
            }
        }
    }

    subscript(name: String) -> String? { values[name] }
}
