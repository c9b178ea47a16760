/// The tagger's weights: per feature hash (its low 32 bits), one weight per tag,
/// in an open-addressing table. Serialised compactly (`bytes`): a header, then
/// per feature its 4-byte key and one signed byte per tag under a common
/// scale. An immutable final class, shared by reference.
final class PerceptronWeights: Sendable {
    /// O, B-PERSON, I-PERSON, B-LOCATION, I-LOCATION.
    static let tagCount = 5
    private static let magic: [UInt8] = Array("PNER1".utf8)

    private let keys: [UInt32]
    private let weights: [Float]
    private let mask: Int
    /// A typical winning margin over O in training, for turning margins into scores.
    let marginScale: Float
    let featureCount: Int

    init(table: [UInt32: [Float]], marginScale: Float) {
        var capacity = 1
        while capacity < max(table.count, 1) * 2 { capacity <<= 1 }
        var keys = [UInt32](repeating: 0, count: capacity)
        var weights = [Float](repeating: 0, count: capacity * Self.tagCount)
        let mask = capacity - 1
        for (key, values) in table where key != 0 {
            var slot = Int(key) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            for tag in 0..<Self.tagCount { weights[slot * Self.tagCount + tag] = values[tag] }
        }
        self.keys = keys
        self.weights = weights
        self.mask = mask
        self.marginScale = marginScale
        self.featureCount = table.count
    }

    /// Adds the weights of `features` to `scores` (one per tag).
    @inline(__always) func accumulate(_ features: UnsafeBufferPointer<UInt64>, into scores: inout (Float, Float, Float, Float, Float)) {
        for feature in features {
            let key = Self.key(feature)
            var slot = Int(key) & mask
            while true {
                let stored = keys[slot]
                if stored == 0 { break }
                if stored == key {
                    let base = slot * Self.tagCount
                    scores.0 += weights[base]
                    scores.1 += weights[base + 1]
                    scores.2 += weights[base + 2]
                    scores.3 += weights[base + 3]
                    scores.4 += weights[base + 4]
                    break
                }
                slot = (slot + 1) & mask
            }
        }
    }

    @inline(__always) static func key(_ feature: UInt64) -> UInt32 {
        let folded = UInt32(truncatingIfNeeded: feature ^ (feature >> 32))
        return folded == 0 ? 1 : folded
    }

    // MARK: serialisation

    /// `table`'s weights quantised to one byte each under one scale.
    static func serialise(table: [UInt32: [Float]], marginScale: Float) -> [UInt8] {
        let largest = table.values.reduce(Float(0)) { max($0, $1.map(abs).max() ?? 0) }
        let scale = largest > 0 ? largest / 127 : 1
        var bytes = magic
        append(UInt32(table.count), to: &bytes)
        append(scale.bitPattern, to: &bytes)
        append(marginScale.bitPattern, to: &bytes)
        for key in table.keys.sorted() {
            append(key, to: &bytes)
            for weight in table[key] ?? [] {
                bytes.append(UInt8(bitPattern: Int8(max(-127, min(127, (weight / scale).rounded())))))
            }
        }
        return bytes
    }

    /// Reads `serialise`'s bytes; nil when they are not a weights file.
    static func deserialise(_ bytes: [UInt8]) -> PerceptronWeights? {
        guard bytes.count >= magic.count + 12, Array(bytes[0..<magic.count]) == magic else { return nil }
        var offset = magic.count
        func read() -> UInt32 {
            let value = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                | UInt32(bytes[offset + 3]) << 24
            offset += 4
            return value
        }
        let count = Int(read())
        let scale = Float(bitPattern: read())
        let marginScale = Float(bitPattern: read())
        guard bytes.count == offset + count * (4 + tagCount) else { return nil }
        var table: [UInt32: [Float]] = [:]
        table.reserveCapacity(count)
        for _ in 0..<count {
            let key = read()
            var values = [Float](repeating: 0, count: tagCount)
            for tag in 0..<tagCount { values[tag] = Float(Int8(bitPattern: bytes[offset + tag])) * scale }
            offset += tagCount
            table[key] = values
        }
        return PerceptronWeights(table: table, marginScale: marginScale)
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
}
