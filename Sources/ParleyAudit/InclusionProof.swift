/// An RFC 9162 inclusion proof: the sibling hashes from a leaf up to the root
/// of the tree of `treeSize` leaves.
public struct InclusionProof: Sendable, Hashable {
    public let leafIndex: UInt64
    public let treeSize: UInt64
    public let hashes: [MerkleHash]

    public init(leafIndex: UInt64, treeSize: UInt64, hashes: [MerkleHash]) {
        self.leafIndex = leafIndex
        self.treeSize = treeSize
        self.hashes = hashes
    }

    /// The root this proof gives for `leafHash` (RFC 9162 §2.1.3.2), or an
    /// error when the proof has the wrong shape for its index and size.
    public func root(forLeafHash leafHash: MerkleHash) throws(AuditError) -> MerkleHash {
        guard leafIndex < treeSize else { throw .indexOutOfRange(index: leafIndex, size: treeSize) }
        var fn = leafIndex
        var sn = treeSize - 1
        var hash = leafHash
        for sibling in hashes {
            guard sn != 0 else { throw .proofFailed("inclusion proof is too long") }
            if fn & 1 == 1 || fn == sn {
                hash = MerkleHash.node(sibling, hash)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                hash = MerkleHash.node(hash, sibling)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { throw .proofFailed("inclusion proof is too short") }
        return hash
    }

    /// Throws unless `leafHash` is at `leafIndex` in the tree whose root is `root`.
    public func verify(leafHash: MerkleHash, root: MerkleHash) throws(AuditError) {
        guard try self.root(forLeafHash: leafHash) == root else {
            throw .proofFailed("inclusion proof does not lead to the root")
        }
    }
}
