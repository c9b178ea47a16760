/// Indices of words keyed by their first two ASCII letters, so a scanner can
/// reject almost every word with two array reads. Stored flat (offsets into one
/// array) so a lookup costs no reference counting.
///
/// A word whose second byte is not a letter (`i am`, `s.`) uses a one-letter bucket.
/// Each entry also carries a length, so callers that know the length they need
/// skip the other entries without touching their bytes.
struct LetterPairIndex: Sendable {
    private static let bucketCount = 26 * 26 + 26
    private let offsets: [Int32]
    private let values: [Int32]
    private let lengths: [Int32]
    /// Per bucket, bit `n` is set when an entry of length `n` (capped at 63) is in it.
    private let lengthMasks: [UInt64]

    /// `words[i]` is filed under its first two bytes with value `i` and length
    /// `lengths[i]` (by default the word's byte count).
    init(words: [[UInt8]], lengths: [Int]? = nil) {
        var buckets = Array(repeating: [(Int32, Int32)](), count: Self.bucketCount)
        for (position, word) in words.enumerated() {
            guard let first = word.first, let key = Self.key(first, word.count > 1 ? word[1] : 0x20) else { continue }
            buckets[key].append((Int32(position), Int32(lengths?[position] ?? word.count)))
        }
        var offsets: [Int32] = [0]
        var values: [Int32] = []
        var entryLengths: [Int32] = []
        var masks: [UInt64] = []
        for bucket in buckets {
            values.append(contentsOf: bucket.map(\.0))
            entryLengths.append(contentsOf: bucket.map(\.1))
            offsets.append(Int32(values.count))
            masks.append(bucket.reduce(0) { $0 | Self.lengthBit(Int($1.1)) })
        }
        self.offsets = offsets
        self.values = values
        self.lengths = entryLengths
        self.lengthMasks = masks
    }

    @inline(__always) private static func lengthBit(_ length: Int) -> UInt64 {
        1 << UInt64(min(max(length, 0), 63))
    }

    /// True when some entry filed under (`first`, `second`) has length `length`:
    /// one table read, for rejecting a word before looking at its entries.
    @inline(__always) func mayContain(first: UInt8, second: UInt8, length: Int) -> Bool {
        lengthMask(first: first, second: second) & Self.lengthBit(length) != 0
    }

    /// The lengths filed under (`first`, `second`) as a bit set; 0 when none.
    @inline(__always) func lengthMask(first: UInt8, second: UInt8) -> UInt64 {
        guard let key = Self.key(first, second) else { return 0 }
        return lengthMasks[key]
    }

    /// True when `mask` (from `lengthMask`) holds `length`.
    @inline(__always) static func mask(_ mask: UInt64, contains length: Int) -> Bool {
        mask & lengthBit(length) != 0
    }

    @inline(__always) static func key(_ first: UInt8, _ second: UInt8) -> Int? {
        guard first.isASCIILetter else { return nil }
        let a = Int(first.asciiLowercased &- 0x61)
        if second.isASCIILetter { return a * 26 + Int(second.asciiLowercased &- 0x61) }
        return 26 * 26 + a
    }

    /// The first word index filed under (`first`, `second`) that `matches`
    /// accepts, stopping there; nil when none does.
    @inline(__always) func first(first: UInt8, second: UInt8, where matches: (Int) -> Bool) -> Int? {
        guard let key = Self.key(first, second) else { return nil }
        var position = Int(offsets[key])
        let end = Int(offsets[key + 1])
        while position < end {
            let value = Int(values[position])
            if matches(value) { return value }
            position += 1
        }
        return nil
    }

    /// The first word index filed under (`first`, `second`) with length
    /// `length` that `matches` accepts, stopping there; nil when none does.
    @inline(__always) func first(first: UInt8, second: UInt8, length: Int, where matches: (Int) -> Bool) -> Int? {
        guard let key = Self.key(first, second) else { return nil }
        var position = Int(offsets[key])
        let end = Int(offsets[key + 1])
        let wanted = Int32(truncatingIfNeeded: length)
        while position < end {
            if lengths[position] == wanted {
                let value = Int(values[position])
                if matches(value) { return value }
            }
            position += 1
        }
        return nil
    }

    /// Calls `body` with each word index filed under (`first`, `second`) whose
    /// length is `length`.
    @inline(__always) func forEach(first: UInt8, second: UInt8, length: Int, _ body: (Int) -> Void) {
        guard let key = Self.key(first, second) else { return }
        var position = Int(offsets[key])
        let end = Int(offsets[key + 1])
        let wanted = Int32(truncatingIfNeeded: length)
        while position < end {
            if lengths[position] == wanted { body(Int(values[position])) }
            position += 1
        }
    }
}
