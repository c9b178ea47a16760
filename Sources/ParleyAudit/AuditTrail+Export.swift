import Foundation

extension AuditTrail {
    /// A bundle of the entries dated in `[from, to)`, proved against a
    /// checkpoint of the whole log signed now; when the checkpointed log holds
    /// no entry in the period, the signed empty bundle that proves it (its
    /// neighbours). Times are taken to the millisecond, rounded down.
    public func export(from: Date, to: Date) async throws(AuditError) -> AuditBundle {
        try await export(from: AuditTime(from), to: AuditTime(to))
    }

    public func export(from periodFrom: AuditTime, to periodTo: AuditTime) async throws(AuditError) -> AuditBundle {
        guard periodFrom <= periodTo else { throw .invalidExport("the period ends before it starts") }
        let (size, note) = try await checkpoint()
        let tree = try await tree(size: size)
        var range: ClosedRange<UInt64>?
        if periodFrom < periodTo {
            // The store's range is inclusive; the period excludes its end.
            do {
                range = try await store.auditSequences(
                    fromMilliseconds: periodFrom.millisecondsSince1970, toMilliseconds: periodTo.millisecondsSince1970 - 1
                )
            } catch { throw .storage(String(describing: error)) }
        }
        if let range, range.lowerBound <= size {
            let exported = try await entries(range.lowerBound...min(range.upperBound, size))
            return try AuditBundle.make(
                entries: exported, tree: tree, checkpointNote: note, signer: signer, periodFrom: periodFrom, periodTo: periodTo
            )
        }
        let (predecessor, successor) = try await neighbours(of: periodFrom, periodTo, size: size)
        return try AuditBundle.makeEmpty(
            predecessor: predecessor, successor: successor, tree: tree, checkpointNote: note, signer: signer,
            periodFrom: periodFrom, periodTo: periodTo
        )
    }

    /// Two adjacent entries of the first `size`, the first dated before the
    /// period and the second at or after its end, when no entry of them is in
    /// the period: nil for a side with no entry. Every entry is then before
    /// or after, so such a pair exists (entry 1 already after, entry `size`
    /// still before, or a change from before to after found by bisection in
    /// O(log size) reads); when times do not decrease it is the only one.
    private func neighbours(of from: AuditTime, _ to: AuditTime, size: UInt64) async throws(AuditError) -> (AuditEntry?, AuditEntry?) {
        guard size > 0 else { return (nil, nil) }
        func entry(_ sequence: UInt64) async throws(AuditError) -> AuditEntry {
            guard let entry = try await entries(sequence...sequence).first else {
                throw .invalidExport("stored entry \(sequence) is missing")
            }
            guard entry.time < from || entry.time >= to else {
                throw .invalidExport("entry \(sequence) is dated in the period but was not found by its time")
            }
            return entry
        }
        var before = try await entry(1)
        if before.time >= to { return (nil, before) }
        var after = try await entry(size)
        if after.time < from { return (after, nil) }
        // Invariant: `before` is dated before the period, `after` after it, before.sequence < after.sequence.
        while after.sequence - before.sequence > 1 {
            let middle = try await entry(before.sequence + (after.sequence - before.sequence) / 2)
            if middle.time < from { before = middle } else { after = middle }
        }
        return (before, after)
    }
}
