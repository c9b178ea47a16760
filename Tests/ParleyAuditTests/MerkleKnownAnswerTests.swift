import ParleyCrypto
import Testing
@testable import ParleyAudit

/// Known answers from transparency-dev/merkle (testonly/constants.go and
/// proof/verify_test.go), the reference data of the CT ecosystem.
@Suite struct MerkleKnownAnswerTests {
    static let leafInputs = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"]
        .map { Hex.decode($0)! }

    static let leafHashes = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
        "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
        "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
    ].map(hash)

    /// Roots for tree sizes 0…8.
    static let roots = [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ].map(hash)

    /// (leaf index, tree size, proof) — the published vectors use 1-based leaves; converted here.
    static let inclusionVectors: [(UInt64, UInt64, [MerkleHash])] = [
        (0, 1, []),
        (0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"].map(hash)),
        (5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"].map(hash)),
        (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"].map(hash)),
        (1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"].map(hash)),
    ]

    static let consistencyVectors: [(UInt64, UInt64, [MerkleHash])] = [
        (1, 1, []),
        (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"].map(hash)),
        (6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"].map(hash)),
        (2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"].map(hash)),
        (6, 7, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"].map(hash)),
    ]

    static var tree: MerkleTree { MerkleTree(leafHashes: leafInputs.map(MerkleHash.leaf)) }

    @Test func leafHashesMatchPublishedValues() {
        #expect(Self.leafInputs.map(MerkleHash.leaf) == Self.leafHashes)
    }

    @Test func rootsForSizesZeroToEightMatchPublishedValues() throws {
        for size in 0...8 {
            let prefix = Array(Self.leafHashes.prefix(size))
            #expect(MerkleTree(leafHashes: prefix).root == Self.roots[size], "size \(size)")
            #expect(MerkleFrontier(leafHashes: prefix).root == Self.roots[size], "size \(size)")
            #expect(try Self.tree.root(size: UInt64(size)) == Self.roots[size], "size \(size)")
        }
    }

    @Test func inclusionProofsMatchPublishedVectorsAndVerify() throws {
        for (index, size, expected) in Self.inclusionVectors {
            let proof = try Self.tree.inclusionProof(leafIndex: index, treeSize: size)
            #expect(proof.hashes == expected, "leaf \(index) of \(size)")
            try proof.verify(leafHash: Self.leafHashes[Int(index)], root: Self.roots[Int(size)])
        }
    }

    @Test func consistencyProofsMatchPublishedVectorsAndVerify() throws {
        for (old, new, expected) in Self.consistencyVectors {
            let proof = try Self.tree.consistencyProof(oldSize: old, newSize: new)
            #expect(proof.hashes == expected, "\(old) → \(new)")
            try proof.verify(oldRoot: Self.roots[Int(old)], newRoot: Self.roots[Int(new)])
        }
    }

    @Test func corruptedPublishedInclusionProofsAreRejected() {
        let someHash = hash("abacaba000000000000000000000000000000000000000000060061e00123456")
        for (index, size, path) in Self.inclusionVectors where !path.isEmpty {
            let leaf = Self.leafHashes[Int(index)]
            let root = Self.roots[Int(size)]
            var probes: [(UInt64, UInt64, MerkleHash, MerkleHash, [MerkleHash])] = [
                (index &- 1, size, leaf, root, path), (index + 1, size, leaf, root, path),
                (index ^ 2, size, leaf, root, path), (index, size * 2, leaf, root, path),
                (index, size / 2, leaf, root, path), (index, size, someHash, root, path),
                (index, size, leaf, MerkleHash.emptyRoot, path), (index, size, leaf, someHash, path),
                (index, size, leaf, root, path + [root]), (index, size, leaf, root, [root] + path),
                (index, size, leaf, root, Array(path.dropLast())),
                (index, size, leaf, root, [path[0], someHash] + path.dropFirst()),
            ]
            for position in path.indices {
                var bytes = path[position].bytes
                bytes[0] ^= 8
                var wrong = path
                wrong[position] = MerkleHash(bytes: bytes)!
                probes.append((index, size, leaf, root, wrong))
            }
            for (probeIndex, probeSize, probeLeaf, probeRoot, probePath) in probes {
                let proof = InclusionProof(leafIndex: probeIndex, treeSize: probeSize, hashes: probePath)
                #expect(throws: AuditError.self) { try proof.verify(leafHash: probeLeaf, root: probeRoot) }
            }
        }
    }

    @Test func corruptedPublishedConsistencyProofsAreRejected() {
        for (old, new, path) in Self.consistencyVectors where !path.isEmpty {
            let oldRoot = Self.roots[Int(old)]
            let newRoot = Self.roots[Int(new)]
            var probes: [(UInt64, UInt64, MerkleHash, MerkleHash, [MerkleHash])] = [
                (old - 1, new, oldRoot, newRoot, path), (old + 1, new, oldRoot, newRoot, path),
                (old ^ 2, new, oldRoot, newRoot, path), (old, new * 2, oldRoot, newRoot, path),
                (old, new / 2, oldRoot, newRoot, path), (old, new, newRoot, oldRoot, path),
                (old, new, MerkleHash.emptyRoot, newRoot, path), (old, new, oldRoot, MerkleHash.emptyRoot, path),
                (old, new, oldRoot, newRoot, []), (old, new, oldRoot, newRoot, path + [oldRoot]),
                (old, new, oldRoot, newRoot, path + [newRoot]), (old, new, oldRoot, newRoot, [oldRoot] + path),
                (old, new, oldRoot, newRoot, [newRoot] + path), (old, new, oldRoot, newRoot, [path[0]] + path),
                (old, new, oldRoot, newRoot, Array(path.dropLast())),
            ]
            for position in path.indices {
                var bytes = path[position].bytes
                bytes[0] ^= 16
                var wrong = path
                wrong[position] = MerkleHash(bytes: bytes)!
                probes.append((old, new, oldRoot, newRoot, wrong))
            }
            for (probeOld, probeNew, probeOldRoot, probeNewRoot, probePath) in probes {
                let proof = ConsistencyProof(oldSize: probeOld, newSize: probeNew, hashes: probePath)
                #expect(throws: AuditError.self) { try proof.verify(oldRoot: probeOldRoot, newRoot: probeNewRoot) }
            }
        }
    }

    @Test func emptyTreeRootIsHashOfNothing() {
        #expect(MerkleTree().root.hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(MerkleFrontier().root == MerkleTree().root)
    }
}
