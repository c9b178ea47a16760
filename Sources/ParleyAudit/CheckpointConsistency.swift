/// Proves that the log only grew between two signed checkpoints: an officer
/// who kept an old checkpoint note checks it against a new one and the
/// consistency proof the server gives for their two sizes. A rewritten or
/// truncated history fails here.
public enum CheckpointConsistency {
    /// What was proven, for people and for `--json`.
    public struct Report: Sendable, Codable, Equatable {
        public let origin: String
        public let oldSize: UInt64
        public let newSize: UInt64
        public let oldRoot: String
        public let newRoot: String

        enum CodingKeys: String, CodingKey {
            case origin, oldSize = "old_size", newSize = "new_size", oldRoot = "old_root", newRoot = "new_root"
        }

        public var summary: String {
            "CONSISTENT: \(origin) at size \(newSize) extends the checkpoint at size \(oldSize)"
        }
    }

    /// Checks both signatures with `verifierKey`, that both checkpoints have
    /// the same origin, that the proof is for their sizes, and the proof itself.
    public static func verify(
        oldCheckpointNote: String,
        newCheckpointNote: String,
        proof: ConsistencyProof,
        verifierKey: NoteVerifierKey,
        oldVerifierKey: NoteVerifierKey? = nil
    ) throws(AuditError) -> Report {
        let report = check(
            oldNote: Array(oldCheckpointNote.utf8), newNote: Array(newCheckpointNote.utf8), proof: proof,
            verifierKey: verifierKey, oldVerifierKey: oldVerifierKey
        )
        guard let failure = report.failure else {
            return Report(
                origin: report.origin ?? "", oldSize: proof.oldSize, newSize: proof.newSize,
                oldRoot: report.oldRoot ?? "", newRoot: report.newRoot ?? ""
            )
        }
        throw .inconsistentCheckpoints(failure.message)
    }

    /// Steps 3 to 5 of "Verifying consistency" in parley-audit-format(5):
    /// both notes opened with their keys (the old one signed by
    /// `oldVerifierKey` after a key rotation), equal origins, the proof's
    /// sizes equal to the checkpoints', and the proof from the old root to the new.
    static func check(
        oldNote: [UInt8], newNote: [UInt8], proof: ConsistencyProof,
        verifierKey: NoteVerifierKey, oldVerifierKey: NoteVerifierKey?
    ) -> ConsistencyVerificationReport {
        var report = ConsistencyVerificationReport(status: .failed)
        func failed(_ kind: ConsistencyVerificationReport.FailureKind, _ which: String?, _ message: String) -> ConsistencyVerificationReport {
            report.failure = .init(kind: kind, checkpoint: which, message: message)
            return report
        }
        var opened = [Checkpoint]()
        for (which, note, key) in [("old", oldNote, oldVerifierKey ?? verifierKey), ("new", newNote, verifierKey)] {
            switch Checkpoint.open(note: note, key: key) {
            case let .success(checkpoint): opened.append(checkpoint)
            case let .failure(failure):
                let kind: ConsistencyVerificationReport.FailureKind = switch failure.kind {
                case .malformed: .malformedCheckpoint
                case .signature: .checkpointSignature
                case .origin: .originMismatch
                }
                return failed(kind, which, "the \(which) checkpoint: \(failure.message)")
            }
        }
        let (old, new) = (opened[0], opened[1])
        report.origin = new.origin
        report.oldSize = old.size
        report.newSize = new.size
        report.oldRoot = old.root.base64
        report.newRoot = new.root.base64
        guard old.origin == new.origin else { return failed(.originMismatch, nil, "the checkpoints have different origins") }
        guard old.size <= new.size else {
            return failed(.sizeMismatch, nil, "the old checkpoint (size \(old.size)) is larger than the new one (size \(new.size))")
        }
        guard proof.oldSize == old.size, proof.newSize == new.size else {
            return failed(.sizeMismatch, nil, "the proof is for sizes \(proof.oldSize)→\(proof.newSize), not \(old.size)→\(new.size)")
        }
        do {
            try proof.verify(oldRoot: old.root, newRoot: new.root)
        } catch {
            return failed(.consistencyProof, nil, "the new log does not extend the old one: \(error)")
        }
        report.status = .verified
        return report
    }
}
