/// The file `parley audit consistency --out` writes (parley-audit-format(5),
/// "Consistency file"): the consistency proof line, its newline, an empty
/// line, then the new signed checkpoint note to the end of the file. An
/// officer verifies it offline against the old note they kept.
public enum ConsistencyFile {
    /// The file for `proof` and the new checkpoint note it leads to.
    public static func text(proof: ConsistencyProof, newCheckpointNote: String) -> String {
        proof.documentText + "\n" + newCheckpointNote
    }

    /// Verifies a consistency file against the old checkpoint note (both as
    /// read from their files) with the verifier key (and, after a key
    /// rotation, the key the old note was signed with). Never throws or traps
    /// on any input.
    public static func verify(
        oldCheckpointNote: [UInt8], file: [UInt8], verifierKey: NoteVerifierKey, oldVerifierKey: NoteVerifierKey? = nil
    ) -> ConsistencyVerificationReport {
        // Step 1: the proof line, an empty line, the note.
        guard let split = firstBlankLine(in: file) else {
            return ConsistencyVerificationReport(status: .failed, failure: .init(
                kind: .malformedFile, checkpoint: nil,
                message: "a consistency file is the proof line, an empty line and the new checkpoint note"
            ))
        }
        // Step 2: the proof line.
        let proof: ConsistencyProof
        do { proof = try ConsistencyProof(document: Array(file[..<split])) } catch {
            return ConsistencyVerificationReport(status: .failed, failure: .init(kind: .malformedProof, checkpoint: nil, message: error.description))
        }
        // Steps 3 to 5.
        return CheckpointConsistency.check(
            oldNote: oldCheckpointNote, newNote: Array(file[(split + 2)...]), proof: proof,
            verifierKey: verifierKey, oldVerifierKey: oldVerifierKey
        )
    }

    /// Index of the first "\n\n".
    private static func firstBlankLine(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        for index in 0..<(bytes.count - 1) where bytes[index] == 0x0A && bytes[index + 1] == 0x0A {
            return index
        }
        return nil
    }
}
