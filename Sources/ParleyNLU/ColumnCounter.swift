/// Counts repeated columns of one feature block in time linear in the
/// number of features (a small open-addressing table, reused between calls),
/// keeping the distinct columns in the order they were first seen, so the
/// result is a function of the text alone.
struct ColumnCounter {
    private var slots: [Int32] = []
    private var slotCounts: [Int32] = []
    private var mask = 0
    /// Distinct columns, first-seen order.
    private(set) var columns: [Int32] = []
    /// Occurrences of `columns[i]`, filled by ``finish()``.
    private(set) var counts: [Int32] = []
    private var usedSlots: [Int] = []

    /// Empties the counter, sized for up to `expected` additions.
    mutating func reset(expected: Int) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        if capacity > slots.count {
            slots = [Int32](repeating: -1, count: capacity)
            slotCounts = [Int32](repeating: 0, count: capacity)
            mask = capacity - 1
        } else {
            for slot in usedSlots { slots[slot] = -1 }
        }
        usedSlots.removeAll(keepingCapacity: true)
        columns.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
    }

    mutating func add(_ column: Int32) {
        var slot = Int(truncatingIfNeeded: UInt32(bitPattern: column) &* 0x9E37_79B1) & mask
        while true {
            let occupant = slots[slot]
            if occupant == column {
                slotCounts[slot] += 1
                return
            }
            if occupant < 0 {
                slots[slot] = column
                slotCounts[slot] = 1
                usedSlots.append(slot)
                columns.append(column)
                return
            }
            slot = (slot + 1) & mask
        }
    }

    /// Fills ``counts`` for ``columns``.
    mutating func finish() {
        for slot in usedSlots { counts.append(slotCounts[slot]) }
    }
}
