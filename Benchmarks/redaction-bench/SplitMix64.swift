import ParleyNLU

/// The corpus generator's deterministic generator: the same SplitMix64 the
/// NLU trainer uses, so a seed always gives the same corpus on every platform.
typealias SplitMix64 = SeededGenerator

extension SeededGenerator {
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[Int(next() % UInt64(items.count))]
    }

    mutating func digits(_ count: Int) -> [Int] {
        (0..<count).map { _ in int(0...9) }
    }
}
