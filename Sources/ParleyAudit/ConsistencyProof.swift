/// An RFC 9162 consistency proof: the hashes showing that the tree of
/// `oldSize` leaves is a prefix of the tree of `newSize` leaves.
public struct ConsistencyProof: Sendable, Hashable {
    public let oldSize: UInt64
    public let newSize: UInt64
    public let hashes: [MerkleHash]

    public init(oldSize: UInt64, newSize: UInt64, hashes: [MerkleHash]) {
        self.oldSize = oldSize
        self.newSize = newSize
        self.hashes = hashes
    }

    /// Throws unless the tree with root `oldRoot` at `oldSize` is a prefix of
    /// the tree with root `newRoot` at `newSize` (RFC 9162 §2.1.4.2). An old
    /// size of 0 is consistent with anything, with an empty proof; equal sizes
    /// need equal roots and an empty proof.
    public func verify(oldRoot: MerkleHash, newRoot: MerkleHash) throws(AuditError) {
        guard oldSize <= newSize else { throw .invalidTreeSizes(old: oldSize, new: newSize) }
        if oldSize == 0 || oldSize == newSize {
            guard hashes.isEmpty else { throw .proofFailed("consistency proof must be empty") }
            guard oldSize == 0 || oldRoot == newRoot else {
                throw .proofFailed("equal tree sizes with different roots")
            }
            return
        }
        guard !hashes.isEmpty else { throw .proofFailed("consistency proof is empty") }
        var path = hashes
        if oldSize.nonzeroBitCount == 1 { path.insert(oldRoot, at: 0) }
        var fn = oldSize - 1
        var sn = newSize - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var oldHash = path[0]
        var newHash = path[0]
        for node in path.dropFirst() {
            guard sn != 0 else { throw .proofFailed("consistency proof is too long") }
            if fn & 1 == 1 || fn == sn {
                oldHash = MerkleHash.node(node, oldHash)
                newHash = MerkleHash.node(node, newHash)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                newHash = MerkleHash.node(newHash, node)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { throw .proofFailed("consistency proof is too short") }
        guard oldHash == oldRoot else { throw .proofFailed("consistency proof does not lead to the old root") }
        guard newHash == newRoot else { throw .proofFailed("consistency proof does not lead to the new root") }
    }
}
