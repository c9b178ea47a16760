/// Turns raw candidates into the final non-overlapping set: drops candidates that
/// touch a protected business identifier or score under their type's threshold,
/// then keeps the best of overlapping candidates (higher score first, then the
/// longer span, then the earlier one).
struct SpanResolver: Sendable {
    /// Threshold per entity type index.
    let thresholds: [Double]

    func resolve(_ candidates: [Candidate], protected: [Range<Int>], textLength: Int) -> [Candidate] {
        var kept = candidates.filter { candidate in
            candidate.score >= thresholds[candidate.type.index]
                && !Self.overlapsAny(candidate.start..<candidate.end, protected)
        }
        guard kept.count > 1 else { return kept }
        kept.sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.length != rhs.length { return lhs.length > rhs.length }
            return lhs.start < rhs.start
        }
        var accepted: [Candidate] = []
        accepted.reserveCapacity(kept.count)
        if kept.count <= 32 {
            // Few candidates (the usual chat message): pairwise checks, no bitmap.
            for candidate in kept where !accepted.contains(where: { $0.start < candidate.end && candidate.start < $0.end }) {
                accepted.append(candidate)
            }
        } else {
            var occupied = [Bool](repeating: false, count: textLength)
            for candidate in kept {
                var free = true
                for position in candidate.start..<candidate.end where occupied[position] {
                    free = false
                    break
                }
                guard free else { continue }
                for position in candidate.start..<candidate.end { occupied[position] = true }
                accepted.append(candidate)
            }
        }
        accepted.sort { $0.start < $1.start }
        return accepted
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
