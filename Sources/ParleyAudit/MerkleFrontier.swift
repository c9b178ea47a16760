/// The right edge of an append-only RFC 9162 tree (a "compact range"): the
/// roots of the perfect subtrees that make up the first `size` leaves, largest
/// first, one per set bit of `size`. Appending is O(1) amortised and
/// O(log n) at worst; the root costs O(log n). The server keeps one in memory
/// (or persists `size` and `nodes`) to compute each new checkpoint's root
/// without reading old leaves.
public struct MerkleFrontier: Sendable, Hashable {
    public private(set) var size: UInt64 = 0
    /// Perfect-subtree roots, left to right; `nodes.count == size.nonzeroBitCount`.
    public private(set) var nodes: [MerkleHash] = []

    /// The empty tree.
    public init() {}

    /// Restores a persisted frontier; `nodes` must hold one hash per set bit of `size`.
    public init(size: UInt64, nodes: [MerkleHash]) throws(AuditError) {
        guard nodes.count == size.nonzeroBitCount else {
            throw .invalidTreeSizes(old: UInt64(nodes.count), new: size)
        }
        self.size = size
        self.nodes = nodes
    }

    /// The frontier of the tree over `leafHashes`.
    public init(leafHashes: some Sequence<MerkleHash>) {
        for hash in leafHashes { append(leafHash: hash) }
    }

    /// Appends a leaf hash (``AuditEntry/leafHash`` or ``MerkleHash/leaf(_:)``).
    public mutating func append(leafHash: MerkleHash) {
        var hash = leafHash
        var remaining = size
        while remaining & 1 == 1 {
            hash = MerkleHash.node(nodes.removeLast(), hash)
            remaining >>= 1
        }
        nodes.append(hash)
        size += 1
    }

    /// MTH of the first `size` leaves (SHA-256 of nothing when empty).
    public var root: MerkleHash {
        guard var hash = nodes.last else { return MerkleHash.emptyRoot }
        for node in nodes.dropLast().reversed() {
            hash = MerkleHash.node(node, hash)
        }
        return hash
    }
}
