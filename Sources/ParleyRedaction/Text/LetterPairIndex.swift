/// Indices of words keyed by their first two ASCII letters, so a scanner can
/// reject almost every word with two array reads. Stored flat (offsets into one
/// array) so a lookup costs no reference counting.
///
/// A word whose second byte is not a letter (`i am`, `s.`) uses a one-letter bucket.
struct LetterPairIndex: Sendable {
    private static let bucketCount = 26 * 26 + 26
    private let offsets: [Int32]
    private let values: [Int32]

    /// `words[i]` is filed under its first two bytes with value `i`.
    init(words: [[UInt8]]) {
        var buckets = Array(repeating: [Int32](), count: Self.bucketCount)
        for (position, word) in words.enumerated() {
            guard let first = word.first, let key = Self.key(first, word.count > 1 ? word[1] : 0x20) else { continue }
            buckets[key].append(Int32(position))
        }
        var offsets: [Int32] = [0]
        var values: [Int32] = []
        for bucket in buckets {
            values.append(contentsOf: bucket)
            offsets.append(Int32(values.count))
        }
        self.offsets = offsets
        self.values = values
    }

    @inline(__always) static func key(_ first: UInt8, _ second: UInt8) -> Int? {
        guard first.isASCIILetter else { return nil }
        let a = Int(first.asciiLowercased &- 0x61)
        if second.isASCIILetter { return a * 26 + Int(second.asciiLowercased &- 0x61) }
        return 26 * 26 + a
    }

    /// Calls `body` with each word index filed under (`first`, `second`).
    @inline(__always) func forEach(first: UInt8, second: UInt8, _ body: (Int) -> Void) {
        guard let key = Self.key(first, second) else { return }
        var position = Int(offsets[key])
        let end = Int(offsets[key + 1])
        while position < end {
            body(Int(values[position]))
            position += 1
        }
    }
}
