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
        // After a master-key rotation the old checkpoint is signed by the previous audit key.
        let old = try Checkpoint(signedNote: oldCheckpointNote, verifierKey: oldVerifierKey ?? verifierKey)
        let new = try Checkpoint(signedNote: newCheckpointNote, verifierKey: verifierKey)
        guard old.origin == new.origin else {
            throw .inconsistentCheckpoints("the checkpoints have different origins")
        }
        guard old.size <= new.size else {
            throw .inconsistentCheckpoints("the old checkpoint (size \(old.size)) is larger than the new one (size \(new.size))")
        }
        guard proof.oldSize == old.size, proof.newSize == new.size else {
            throw .inconsistentCheckpoints("the proof is for sizes \(proof.oldSize)→\(proof.newSize), not \(old.size)→\(new.size)")
        }
        do {
            try proof.verify(oldRoot: old.root, newRoot: new.root)
        } catch {
            throw .inconsistentCheckpoints("the new log does not extend the old one: \(error)")
        }
        return Report(
            origin: old.origin, oldSize: old.size, newSize: new.size,
            oldRoot: old.root.base64, newRoot: new.root.base64
        )
    }
}
