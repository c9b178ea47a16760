extension MerkleTree {
    /// The RFC 9162 §2.1.3.1 inclusion proof of leaf `leafIndex` in the tree
    /// of the first `treeSize` leaves, ordered from the leaf to the root.
    public func inclusionProof(leafIndex: UInt64, treeSize: UInt64) throws(AuditError) -> InclusionProof {
        guard treeSize <= size, leafIndex < treeSize else {
            throw .indexOutOfRange(index: leafIndex, size: treeSize)
        }
        // Walk down from the root, collecting the sibling subtree at each split.
        var siblings = [MerkleHash]()
        var start: UInt64 = 0
        var index = leafIndex
        var count = treeSize
        while count > 1 {
            let split = Self.largestPowerOfTwo(below: count)
            if index < split {
                siblings.append(subtreeHash(start: start + split, count: count - split))
                count = split
            } else {
                siblings.append(subtreeHash(start: start, count: split))
                start += split
                index -= split
                count -= split
            }
        }
        return InclusionProof(leafIndex: leafIndex, treeSize: treeSize, hashes: siblings.reversed())
    }

    /// The RFC 9162 §2.1.4.1 consistency proof between the trees of the
    /// first `oldSize` and `newSize` leaves (empty when `oldSize` is 0 or equal).
    public func consistencyProof(oldSize: UInt64, newSize: UInt64) throws(AuditError) -> ConsistencyProof {
        guard oldSize <= newSize, newSize <= size else {
            throw .invalidTreeSizes(old: oldSize, new: newSize)
        }
        guard oldSize > 0, oldSize < newSize else {
            return ConsistencyProof(oldSize: oldSize, newSize: newSize, hashes: [])
        }
        // SUBPROOF(m, D[start : start+count], isWholeOldTree), unrolled from the root down.
        var nodes = [MerkleHash]()
        var start: UInt64 = 0
        var old = oldSize
        var count = newSize
        var isWholeOldTree = true
        while old != count {
            let split = Self.largestPowerOfTwo(below: count)
            if old <= split {
                nodes.append(subtreeHash(start: start + split, count: count - split))
                count = split
            } else {
                nodes.append(subtreeHash(start: start, count: split))
                start += split
                old -= split
                count -= split
                isWholeOldTree = false
            }
        }
        if !isWholeOldTree {
            nodes.append(subtreeHash(start: start, count: count))
        }
        return ConsistencyProof(oldSize: oldSize, newSize: newSize, hashes: nodes.reversed())
    }
}
