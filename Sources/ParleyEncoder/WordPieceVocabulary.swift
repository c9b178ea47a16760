/// The WordPiece vocabulary as an open-addressing hash table over UTF-8
/// bytes, so that a look-up of a slice of a word allocates nothing.
/// Continuation pieces are stored with their `##` prefix, as in `vocab.txt`.
struct WordPieceVocabulary: Sendable {
    private let bytes: [UInt8]
    /// Start of each token in `bytes`; token `i` ends at `starts[i + 1]`.
    private let starts: [Int32]
    /// Token id + 1 per slot (0: empty); the size is a power of two.
    private let slots: [Int32]
    private let mask: Int
    let count: Int

    init(tokens: [String]) {
        var bytes: [UInt8] = []
        var starts: [Int32] = [0]
        for token in tokens {
            bytes += Array(token.utf8)
            starts.append(Int32(bytes.count))
        }
        var size = 1
        while size < tokens.count * 2 { size <<= 1 }
        var slots = [Int32](repeating: 0, count: size)
        bytes.withUnsafeBufferPointer { all in
            for id in tokens.indices {
                let token = UnsafeBufferPointer(rebasing: all[Int(starts[id])..<Int(starts[id + 1])])
                var slot = Int(truncatingIfNeeded: Self.hash(Self.seed, token)) & (size - 1)
                while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
                slots[slot] = Int32(id + 1)
            }
        }
        self.bytes = bytes
        self.starts = starts
        self.slots = slots
        mask = size - 1
        count = tokens.count
    }

    /// The id of `piece`, or of `##piece` when `continuation`.
    func id(of piece: UnsafeBufferPointer<UInt8>, continuation: Bool) -> Int32? {
        let hash = Self.hash(continuation ? Self.continuationSeed : Self.seed, piece)
        let length = piece.count + (continuation ? 2 : 0)
        return bytes.withUnsafeBufferPointer { all in
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                let id = Int(entry - 1)
                let start = Int(starts[id])
                if Int(starts[id + 1]) - start == length {
                    var offset = start
                    var equal = true
                    if continuation {
                        equal = all[offset] == 0x23 && all[offset + 1] == 0x23
                        offset += 2
                    }
                    if equal {
                        for index in 0..<piece.count where all[offset + index] != piece[index] {
                            equal = false
                            break
                        }
                    }
                    if equal { return Int32(id) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    func id(of token: String) -> Int32? {
        var utf8 = Array(token.utf8)
        return utf8.withUnsafeMutableBufferPointer { id(of: UnsafeBufferPointer($0), continuation: false) }
    }

    /// FNV-1a, 64-bit.
    private static let seed: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let continuationSeed: UInt64 = hash(seed, Array("##".utf8))

    private static func hash(_ start: UInt64, _ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = start
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}
