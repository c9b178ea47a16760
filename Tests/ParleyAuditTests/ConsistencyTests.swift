import Testing
@testable import ParleyAudit

@Suite struct ConsistencyTests {
    static func checkpoints(signer: NoteSigner, rewrite: Bool = false) throws -> (old: String, new: String, proof: ConsistencyProof) {
        let entries = try Fixture.entries(1...12)
        let oldTree = MerkleTree(leafHashes: entries.prefix(5).map(\.leafHash))
        var newLeaves = entries.map(\.leafHash)
        if rewrite {
            newLeaves[2] = try AuditEntry(sequence: 3, time: entries[2].time, actor: .system, role: .system,
                                          action: "server.start", outcome: .success).leafHash
        }
        let newTree = MerkleTree(leafHashes: newLeaves)
        let old = try Checkpoint(origin: Fixture.origin, size: 5, root: oldTree.root).signed(by: signer)
        let new = try Checkpoint(origin: Fixture.origin, size: 12, root: newTree.root).signed(by: signer)
        return (old, new, try newTree.consistencyProof(oldSize: 5, newSize: 12))
    }

    @Test func newCheckpointExtendingTheOldOneVerifies() throws {
        let signer = try Fixture.signer()
        let (old, new, proof) = try Self.checkpoints(signer: signer)
        let report = try CheckpointConsistency.verify(oldCheckpointNote: old, newCheckpointNote: new, proof: proof,
                                                      verifierKey: signer.verifierKey)
        #expect(report.oldSize == 5 && report.newSize == 12 && report.origin == Fixture.origin)
        #expect(report.summary.hasPrefix("CONSISTENT"))
    }

    @Test func rewrittenHistoryIsDetected() throws {
        let signer = try Fixture.signer()
        let honest = try Self.checkpoints(signer: signer)
        let forged = try Self.checkpoints(signer: signer, rewrite: true)
        #expect(throws: AuditError.self) {
            try CheckpointConsistency.verify(oldCheckpointNote: honest.old, newCheckpointNote: forged.new,
                                             proof: forged.proof, verifierKey: signer.verifierKey)
        }
        #expect(throws: AuditError.self) {
            try CheckpointConsistency.verify(oldCheckpointNote: honest.old, newCheckpointNote: forged.new,
                                             proof: honest.proof, verifierKey: signer.verifierKey)
        }
    }

    @Test func bothSignaturesAreChecked() throws {
        let signer = try Fixture.signer()
        let impostor = try Fixture.signer(seedByte: 42)
        let (old, new, proof) = try Self.checkpoints(signer: signer)
        let (otherOld, otherNew, _) = try Self.checkpoints(signer: impostor)
        for (a, b) in [(otherOld, new), (old, otherNew)] {
            #expect(throws: AuditError.self) {
                try CheckpointConsistency.verify(oldCheckpointNote: a, newCheckpointNote: b, proof: proof,
                                                 verifierKey: signer.verifierKey)
            }
        }
    }

    @Test func swappedSizesOriginsOrProofsAreRejected() throws {
        let signer = try Fixture.signer()
        let (old, new, proof) = try Self.checkpoints(signer: signer)
        #expect(throws: AuditError.self) {
            try CheckpointConsistency.verify(oldCheckpointNote: new, newCheckpointNote: old, proof: proof, verifierKey: signer.verifierKey)
        }
        let wrongSizes = ConsistencyProof(oldSize: 4, newSize: 12, hashes: proof.hashes)
        #expect(throws: AuditError.self) {
            try CheckpointConsistency.verify(oldCheckpointNote: old, newCheckpointNote: new, proof: wrongSizes, verifierKey: signer.verifierKey)
        }
        let elsewhere = try Fixture.signer(name: "other.example/audit")
        let foreignOld = try Checkpoint(origin: "other.example/audit", size: 5, root: MerkleHash.emptyRoot).signed(by: elsewhere)
        let foreignNew = try Checkpoint(origin: "other.example/audit", size: 12, root: MerkleHash.emptyRoot).signed(by: elsewhere)
        #expect(throws: AuditError.self) {
            try CheckpointConsistency.verify(oldCheckpointNote: foreignOld, newCheckpointNote: foreignNew, proof: proof,
                                             verifierKey: elsewhere.verifierKey)
        }
    }

    @Test func proofDocumentRoundTripsAndIsStrict() throws {
        let signer = try Fixture.signer()
        let proof = try Self.checkpoints(signer: signer).proof
        let text = proof.documentText
        #expect(text.hasPrefix(#"{"type":"consistency","old_size":5,"new_size":12,"proof":[""#))
        #expect(try ConsistencyProof(document: Array(text.utf8)) == proof)
        for bad in [text.replacingOccurrences(of: ":5,", with: ": 5,"), text.replacingOccurrences(of: "consistency", with: "inclusion"),
                    text.replacingOccurrences(of: "=\"", with: "\""), "", "{}"] {
            #expect(throws: AuditError.self) { try ConsistencyProof(document: Array(bad.utf8)) }
        }
    }
}
