import Testing
@testable import ParleyAudit

/// Every proof of every small tree, generated fast and checked against the
/// textbook recursion of RFC 9162, then verified; and the failures that must be.
@Suite struct MerkleProofTests {
    static let maximumSize = 64
    static let leaves = (0..<maximumSize).map { MerkleHash.leaf([UInt8(truncatingIfNeeded: $0), 0xA5]) }

    @Test func rootsMatchReferenceForEverySizeUpTo64() throws {
        let tree = MerkleTree(leafHashes: Self.leaves)
        var appended = MerkleTree()
        var frontier = MerkleFrontier()
        for size in 1...Self.maximumSize {
            appended.append(leafHash: Self.leaves[size - 1])
            frontier.append(leafHash: Self.leaves[size - 1])
            let expected = Reference.mth(Self.leaves[..<size])
            #expect(try tree.root(size: UInt64(size)) == expected)
            #expect(appended.root == expected)
            #expect(frontier.root == expected)
            #expect(appended.frontier == frontier)
            #expect(MerkleTree(leafHashes: Array(Self.leaves[..<size])).root == expected)
        }
    }

    @Test func inclusionProofsMatchReferenceAndVerifyForEveryLeafOfEverySizeUpTo64() throws {
        let tree = MerkleTree(leafHashes: Self.leaves)
        var checked = 0
        for size in 1...Self.maximumSize {
            let root = try tree.root(size: UInt64(size))
            for index in 0..<size {
                let proof = try tree.inclusionProof(leafIndex: UInt64(index), treeSize: UInt64(size))
                guard proof.hashes == Reference.path(index, Self.leaves[..<size]) else {
                    Issue.record("proof of leaf \(index) in size \(size) differs from the RFC recursion")
                    continue
                }
                try proof.verify(leafHash: Self.leaves[index], root: root)
                checked += 1
            }
        }
        #expect(checked == Self.maximumSize * (Self.maximumSize + 1) / 2)
    }

    @Test func inclusionProofFailsForWrongLeafRootOrIndex() throws {
        let tree = MerkleTree(leafHashes: Self.leaves)
        for size in 2...Self.maximumSize {
            let root = try tree.root(size: UInt64(size))
            for index in 0..<size {
                let proof = try tree.inclusionProof(leafIndex: UInt64(index), treeSize: UInt64(size))
                let other = Self.leaves[(index + 1) % size]
                #expect(throws: AuditError.self) { try proof.verify(leafHash: other, root: root) }
                #expect(throws: AuditError.self) { try proof.verify(leafHash: Self.leaves[index], root: Self.leaves[0]) }
                let moved = InclusionProof(leafIndex: UInt64((index + 1) % size), treeSize: UInt64(size), hashes: proof.hashes)
                #expect(throws: AuditError.self) { try moved.verify(leafHash: Self.leaves[index], root: root) }
            }
        }
    }

    @Test func consistencyProofsMatchReferenceAndVerifyForEveryPairOfSizesUpTo64() throws {
        let tree = MerkleTree(leafHashes: Self.leaves)
        for new in 1...Self.maximumSize {
            let newRoot = try tree.root(size: UInt64(new))
            for old in 1...new {
                let oldRoot = try tree.root(size: UInt64(old))
                let proof = try tree.consistencyProof(oldSize: UInt64(old), newSize: UInt64(new))
                guard proof.hashes == Reference.proof(old, Self.leaves[..<new]) else {
                    Issue.record("consistency proof \(old) → \(new) differs from the RFC recursion")
                    continue
                }
                try proof.verify(oldRoot: oldRoot, newRoot: newRoot)
                if old < new {
                    #expect(throws: AuditError.self) { try proof.verify(oldRoot: newRoot, newRoot: newRoot) }
                    #expect(throws: AuditError.self) { try proof.verify(oldRoot: oldRoot, newRoot: oldRoot) }
                }
            }
        }
    }

    @Test func consistencyFailsWhenHistoryIsRewritten() throws {
        let honest = MerkleTree(leafHashes: Self.leaves)
        for changed in 0..<16 {
            var rewritten = Self.leaves
            rewritten[changed] = MerkleHash.leaf([0xFF])
            let forged = MerkleTree(leafHashes: rewritten)
            let proof = try forged.consistencyProof(oldSize: 16, newSize: 64)
            #expect(throws: AuditError.self) {
                try proof.verify(oldRoot: try honest.root(size: 16), newRoot: forged.root)
            }
        }
    }

    @Test func proofRequestsOutsideTheTreeAreRejected() {
        let tree = MerkleTree(leafHashes: Array(Self.leaves.prefix(5)))
        #expect(throws: AuditError.indexOutOfRange(index: 5, size: 5)) { try tree.inclusionProof(leafIndex: 5, treeSize: 5) }
        #expect(throws: AuditError.self) { try tree.inclusionProof(leafIndex: 0, treeSize: 6) }
        #expect(throws: AuditError.invalidTreeSizes(old: 4, new: 3)) { try tree.consistencyProof(oldSize: 4, newSize: 3) }
        #expect(throws: AuditError.self) { try tree.root(size: 6) }
        #expect(throws: AuditError.self) { try MerkleFrontier(size: 3, nodes: [Self.leaves[0]]) }
    }

    @Test func degenerateConsistencyProofsNeedEmptyPathsAndEqualRoots() throws {
        let a = Self.leaves[0], b = Self.leaves[1]
        try ConsistencyProof(oldSize: 0, newSize: 9, hashes: []).verify(oldRoot: a, newRoot: b)
        try ConsistencyProof(oldSize: 3, newSize: 3, hashes: []).verify(oldRoot: a, newRoot: a)
        #expect(throws: AuditError.self) { try ConsistencyProof(oldSize: 3, newSize: 3, hashes: []).verify(oldRoot: a, newRoot: b) }
        #expect(throws: AuditError.self) { try ConsistencyProof(oldSize: 3, newSize: 3, hashes: [a]).verify(oldRoot: a, newRoot: a) }
        #expect(throws: AuditError.self) { try ConsistencyProof(oldSize: 4, newSize: 3, hashes: []).verify(oldRoot: a, newRoot: a) }
        #expect(throws: AuditError.self) { try ConsistencyProof(oldSize: 1, newSize: 2, hashes: []).verify(oldRoot: a, newRoot: b) }
    }

    @Test func verifiersSurviveHugeSizesWithoutTrapping() {
        let proof = InclusionProof(leafIndex: UInt64.max - 1, treeSize: UInt64.max, hashes: Array(Self.leaves.prefix(64)))
        #expect(throws: AuditError.self) { try proof.verify(leafHash: Self.leaves[0], root: Self.leaves[1]) }
        let consistency = ConsistencyProof(oldSize: UInt64.max - 1, newSize: UInt64.max, hashes: Array(Self.leaves.prefix(70)))
        #expect(throws: AuditError.self) { try consistency.verify(oldRoot: Self.leaves[0], newRoot: Self.leaves[1]) }
    }
}
