import Foundation
import ParleyCrypto
import ParleyStore
import Testing
@testable import ParleyAudit

/// The file `parley audit consistency --out` writes, verified offline
/// (parley-audit-format(5), "Consistency file" and "Verifying consistency").
@Suite struct ConsistencyFileTests {
    static func file(signer: NoteSigner) throws -> (old: [UInt8], file: [UInt8]) {
        let (old, new, proof) = try ConsistencyTests.checkpoints(signer: signer)
        return (Array(old.utf8), Array(ConsistencyFile.text(proof: proof, newCheckpointNote: new).utf8))
    }

    @Test func theFileIsTheProofLineAnEmptyLineAndTheNewNote() throws {
        let signer = try Fixture.signer()
        let (old, new, proof) = try ConsistencyTests.checkpoints(signer: signer)
        let text = ConsistencyFile.text(proof: proof, newCheckpointNote: new)
        #expect(text == proof.documentText + "\n" + new)
        #expect(text.hasPrefix(#"{"type":"consistency","old_size":5,"new_size":12,"proof":["#))
        let report = ConsistencyFile.verify(oldCheckpointNote: Array(old.utf8), file: Array(text.utf8), verifierKey: signer.verifierKey)
        #expect(report.isVerified, "\(report.summary)")
        #expect(report.oldSize == 5 && report.newSize == 12 && report.origin == Fixture.origin)
        #expect(report.summary.hasPrefix("CONSISTENT"))
        let json = try JSONEncoder().encode(report)
        #expect(try JSONDecoder().decode(ConsistencyVerificationReport.self, from: json) == report)
    }

    @Test func everySingleByteChangeOfTheFileIsRejected() throws {
        let signer = try Fixture.signer()
        let (old, file) = try Self.file(signer: signer)
        var accepted = [Int]()
        for index in file.indices {
            for mask: UInt8 in [0x01, 0x20, 0x80] {
                var changed = file
                changed[index] ^= mask
                if ConsistencyFile.verify(oldCheckpointNote: old, file: changed, verifierKey: signer.verifierKey).isVerified {
                    accepted.append(index)
                }
            }
        }
        #expect(accepted.isEmpty, "changes at \(accepted.prefix(10)) verified")
    }

    @Test func eachStepsFailureHasItsKind() throws {
        let signer = try Fixture.signer()
        let (oldNote, newNote, proof) = try ConsistencyTests.checkpoints(signer: signer)
        let old = Array(oldNote.utf8)
        func failure(_ old: [UInt8], _ text: String, key: NoteVerifierKey? = nil, oldKey: NoteVerifierKey? = nil) -> ConsistencyVerificationReport.Failure? {
            ConsistencyFile.verify(oldCheckpointNote: old, file: Array(text.utf8), verifierKey: key ?? signer.verifierKey, oldVerifierKey: oldKey).failure
        }
        let good = ConsistencyFile.text(proof: proof, newCheckpointNote: newNote)
        #expect(failure(old, good) == nil)
        #expect(failure(old, proof.documentText)?.kind == .malformedFile)
        // Without its empty line, the file's first blank line is the note's own: the proof line is then malformed.
        #expect(failure(old, proof.documentText + newNote)?.kind == .malformedProof)
        #expect(failure(old, "")?.kind == .malformedFile)
        #expect(failure(old, good.replacingOccurrences(of: #""old_size":5"#, with: #""old_size": 5"#))?.kind == .malformedProof)
        #expect(failure(old, good.replacingOccurrences(of: "consistency", with: "inclusion"))?.kind == .malformedProof)
        #expect(failure(old, proof.documentText + "\n" + String(newNote.dropLast()))?.kind == .malformedCheckpoint)
        let impostor = try Fixture.signer(seedByte: 42)
        let byImpostor = try ConsistencyTests.checkpoints(signer: impostor)
        let oldByImpostor = failure(Array(byImpostor.old.utf8), good)
        #expect(oldByImpostor?.kind == .checkpointSignature && oldByImpostor?.checkpoint == "old")
        let newByImpostor = failure(old, ConsistencyFile.text(proof: proof, newCheckpointNote: byImpostor.new))
        #expect(newByImpostor?.kind == .checkpointSignature && newByImpostor?.checkpoint == "new")
        // After a key rotation the old note is opened with the old key.
        #expect(failure(Array(byImpostor.old.utf8), good, oldKey: impostor.verifierKey) == nil)
        let elsewhere = try Fixture.signer(name: "other.example/audit")
        let foreignOld = try Checkpoint(origin: "other.example/audit", size: 5, root: MerkleHash.emptyRoot).signed(by: elsewhere)
        #expect(failure(Array(foreignOld.utf8), good, oldKey: elsewhere.verifierKey)?.kind == .originMismatch)
        let misnamed = try signer.signNote(text: "other.example/audit\n5\n\(MerkleHash.emptyRoot.base64)\n")
        let misnamedFailure = failure(Array(misnamed.utf8), good)
        #expect(misnamedFailure?.kind == .originMismatch && misnamedFailure?.checkpoint == "old")
        let wrongSizes = ConsistencyProof(oldSize: 4, newSize: 12, hashes: proof.hashes)
        #expect(failure(old, ConsistencyFile.text(proof: wrongSizes, newCheckpointNote: newNote))?.kind == .sizeMismatch)
        #expect(failure(Array(newNote.utf8), ConsistencyFile.text(proof: proof, newCheckpointNote: oldNote))?.kind == .sizeMismatch)
        let forged = try ConsistencyTests.checkpoints(signer: signer, rewrite: true)
        #expect(failure(old, ConsistencyFile.text(proof: forged.proof, newCheckpointNote: forged.new))?.kind == .consistencyProof)
    }

    @Test func aTrailsConsistencyFileVerifiesOffline() async throws {
        let store = try Store(location: .inMemory, keys: KeyHierarchy(master: .random()))
        let trail = try AuditTrail(store: store, signingSeed: .random(), origin: "bank.example/audit")
        for index in 1...9 { try await trail.record(AuditEvent(actor: .system, role: .system, action: "test.entry", details: ["n": String(index)])) }
        let (_, oldNote) = try await trail.checkpoint()
        for index in 10...30 { try await trail.record(AuditEvent(actor: .system, role: .system, action: "test.entry", details: ["n": String(index)])) }
        let (proof, newNote, _) = try await trail.consistency(from: oldNote)
        let file = ConsistencyFile.text(proof: proof, newCheckpointNote: newNote)
        let report = ConsistencyFile.verify(oldCheckpointNote: Array(oldNote.utf8), file: Array(file.utf8), verifierKey: trail.verifierKey)
        #expect(report.isVerified, "\(report.summary)")
        #expect(report.oldSize == 9 && report.newSize == 30)
    }
}
