/// Feature hash → column, as an open-addressing table with linear probing.
///
/// Each slot is one `UInt64`: the top 40 bits of the key's hash and, in the
/// low 24 bits, the column plus one (0 marks an empty slot). A probe touches a
/// single cache line, which matters because the table (a few MiB at most) does
/// not stay in cache between queries. Two distinct hashes agreeing on those
/// 40 bits is a 1 in 10¹² chance per lookup.
struct FeatureIndex: Sendable {
    static let columnBits: UInt64 = 24
    static let maximumColumns = (1 << 24) - 2
    private static let columnMask: UInt64 = (1 << columnBits) - 1

    private let slots: [UInt64]
    private let shift: UInt64

    /// `hashes[column]` is the hash of that column; hashes must be distinct
    /// and there may be at most ``maximumColumns``.
    init(hashes: [UInt64]) {
        precondition(hashes.count <= Self.maximumColumns, "too many features for the index")
        var bits: UInt64 = 4
        while (1 << bits) < hashes.count * 2 { bits += 1 }
        let capacity = 1 << Int(bits)
        var slots = [UInt64](repeating: 0, count: capacity)
        shift = 64 - bits
        let mask = capacity - 1
        for (column, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (hash & ~Self.columnMask) | UInt64(column + 1)
        }
        self.slots = slots
    }

    func column(of hash: UInt64) -> Int32? {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            let key = hash & ~Self.columnMask
            var slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                if entry & ~Self.columnMask == key { return Int32(truncatingIfNeeded: (entry & Self.columnMask) - 1) }
                slot = (slot + 1) & mask
            }
        }
    }
}
