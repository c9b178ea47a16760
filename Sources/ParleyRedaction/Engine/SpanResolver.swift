/// Turns raw candidates into the final non-overlapping set: drops candidates that
/// touch a protected business identifier or score under their type's threshold,
/// then keeps the best of overlapping candidates (higher score first, then the
/// longer span, then the earlier one).
struct SpanResolver: Sendable {
    /// Threshold per entity type index.
    let thresholds: [Double]

    /// Filters and resolves `candidates` in place (no copy of the array).
    func resolve(_ kept: inout [Candidate], protected: [Range<Int>], textLength: Int) {
        kept.removeAll { candidate in
            candidate.score < thresholds[candidate.type.index]
                || Self.overlapsAny(candidate.start..<candidate.end, protected)
        }
        guard kept.count > 1 else { return }
        kept.sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.length != rhs.length { return lhs.length > rhs.length }
            return lhs.start < rhs.start
        }
        var acceptedCount = 0
        if kept.count <= 32 {
            // Few candidates (the usual chat message): pairwise checks, compacting
            // the accepted ones to the front of the same array.
            for index in kept.indices {
                let candidate = kept[index]
                var free = true
                for earlier in 0..<acceptedCount where kept[earlier].start < candidate.end && candidate.start < kept[earlier].end {
                    free = false
                    break
                }
                guard free else { continue }
                kept[acceptedCount] = candidate
                acceptedCount += 1
            }
        } else {
            var occupied = [Bool](repeating: false, count: textLength)
            for index in kept.indices {
                let candidate = kept[index]
                var free = true
                for position in candidate.start..<candidate.end where occupied[position] {
                    free = false
                    break
                }
                guard free else { continue }
                for position in candidate.start..<candidate.end { occupied[position] = true }
                kept[acceptedCount] = candidate
                acceptedCount += 1
            }
        }
        kept.removeLast(kept.count - acceptedCount)
        kept.sort { $0.start < $1.start }
    }

    /// Binary search in sorted, non-overlapping ranges.
    static func overlapsAny(_ range: Range<Int>, _ sorted: [Range<Int>]) -> Bool {
        guard !sorted.isEmpty else { return false }
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].upperBound <= range.lowerBound { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low].lowerBound < range.upperBound
    }
}
