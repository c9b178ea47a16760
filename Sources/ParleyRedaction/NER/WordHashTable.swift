/// An open-addressing table from a word's `WordHash` to a byte of flags: a
/// lookup is one index and one or two probes, with no hashing of its own (a
/// `Set<UInt64>` would hash the hash again with SipHash). Filled once, then
/// only read.
struct WordHashTable: Sendable {
    private var keys: [UInt64]
    private var flags: [UInt8]
    private let mask: Int
    private var used = 0

    /// An empty table with room for `count` distinct words at half load.
    init(capacityFor count: Int) {
        var capacity = 1
        while capacity < max(count, 1) * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        flags = [UInt8](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// A table of `words` (lowercase), each with `flag`.
    init(words: [String], flag: UInt8) {
        self.init(capacityFor: words.count)
        for word in words { insert(WordHash.of(word), flag) }
    }

    /// Adds `flag` (non-zero) to the flags of `hash`.
    mutating func insert(_ hash: UInt64, _ flag: UInt8) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while flags[slot] != 0, keys[slot] != hash { slot = (slot + 1) & mask }
        if flags[slot] == 0 {
            used += 1
            precondition(used < flags.count, "WordHashTable filled past its capacity")
        }
        keys[slot] = hash
        flags[slot] |= flag
    }

    /// The flags of the word with hash `hash`; 0 when it is not in the table.
    @inline(__always) func flags(of hash: UInt64) -> UInt8 {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let found = flags[slot]
            if found == 0 || keys[slot] == hash { return found }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always) func contains(_ hash: UInt64) -> Bool { flags(of: hash) != 0 }
}
