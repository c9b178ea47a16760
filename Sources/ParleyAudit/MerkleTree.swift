/// An RFC 9162 Merkle tree that keeps every complete subtree hash, level by
/// level: level 0 holds the leaf hashes, level k the roots of the aligned
/// perfect subtrees of 2^k leaves. That is under 2n hashes (64 bytes a leaf),
/// built in O(n) from stored leaf hashes, appended to in O(1) amortised.
///
/// Any RFC subtree hash MTH(D[a:b]) that appears in a proof is then one array
/// read plus at most log2(n) node hashes, so an inclusion proof costs
/// O(log² n) hashing at worst and proofs for k exported entries O(k log² n),
/// whatever the tree size.
public struct MerkleTree: Sendable {
    private var levels: [[MerkleHash]] = [[]]

    /// The empty tree.
    public init() {}

    /// The tree over stored leaf hashes, in leaf order.
    public init(leafHashes: [MerkleHash]) {
        levels = [leafHashes]
        var level = 0
        while levels[level].count > 1 {
            let below = levels[level]
            var above = [MerkleHash]()
            above.reserveCapacity(below.count / 2)
            var index = 0
            while index + 1 < below.count {
                above.append(MerkleHash.node(below[index], below[index + 1]))
                index += 2
            }
            levels.append(above)
            level += 1
        }
    }

    /// Number of leaves.
    public var size: UInt64 { UInt64(levels[0].count) }

    public mutating func append(leafHash: MerkleHash) {
        levels[0].append(leafHash)
        var level = 0
        while levels[level].count.isMultiple(of: 2) {
            let count = levels[level].count
            let parent = MerkleHash.node(levels[level][count - 2], levels[level][count - 1])
            if levels.count == level + 1 { levels.append([]) }
            levels[level + 1].append(parent)
            level += 1
        }
    }

    public func leafHash(at index: UInt64) throws(AuditError) -> MerkleHash {
        guard index < size else { throw .indexOutOfRange(index: index, size: size) }
        return levels[0][Int(index)]
    }

    /// The root of the whole tree.
    public var root: MerkleHash {
        size == 0 ? MerkleHash.emptyRoot : subtreeHash(start: 0, count: size)
    }

    /// The root of the tree over the first `size` leaves (any past size).
    public func root(size treeSize: UInt64) throws(AuditError) -> MerkleHash {
        guard treeSize <= size else { throw .indexOutOfRange(index: treeSize, size: size) }
        return treeSize == 0 ? MerkleHash.emptyRoot : subtreeHash(start: 0, count: treeSize)
    }

    /// The frontier of the current tree, for a store that appends with ``MerkleFrontier``.
    public var frontier: MerkleFrontier {
        var nodes = [MerkleHash]()
        var start: UInt64 = 0
        for level in stride(from: levels.count - 1, through: 0, by: -1) where size & (1 << UInt64(level)) != 0 {
            nodes.append(levels[level][Int(start >> UInt64(level))])
            start += 1 << UInt64(level)
        }
        // nodes.count equals size.nonzeroBitCount by construction.
        return (try? MerkleFrontier(size: size, nodes: nodes)) ?? MerkleFrontier()
    }

    /// MTH(D[start : start+count]) for a range the RFC recursion visits: its
    /// left parts are perfect subtrees aligned to their size, found in `levels`.
    func subtreeHash(start: UInt64, count: UInt64) -> MerkleHash {
        precondition(count > 0 && start + count <= size, "subtree outside the tree")
        if count.nonzeroBitCount == 1 && start % count == 0 {
            let level = count.trailingZeroBitCount
            return levels[level][Int(start >> UInt64(level))]
        }
        let split = Self.largestPowerOfTwo(below: count)
        return MerkleHash.node(
            subtreeHash(start: start, count: split),
            subtreeHash(start: start + split, count: count - split)
        )
    }

    /// The largest power of two strictly below `n` (n ≥ 2).
    static func largestPowerOfTwo(below n: UInt64) -> UInt64 {
        1 << UInt64(63 - (n - 1).leadingZeroBitCount)
    }
}
