extension AuditTrail {
    /// An entry receipt for entry `sequence`: a checkpoint of the whole log
    /// signed now, the entry and its inclusion proof in it, and the signed
    /// receipt statement (parley-audit-format(5), ENTRY RECEIPTS). Verify it
    /// with ``AuditReceipt/verify(_:verifierKey:)`` and the verifier key alone.
    ///
    /// Throws ``AuditError/noSuchEntry(sequence:logSize:)`` for a sequence
    /// number the log does not hold.
    public func receipt(forSequence sequence: UInt64) async throws(AuditError) -> AuditReceipt {
        let (size, note) = try await checkpoint()
        guard sequence >= 1, sequence <= size else { throw .noSuchEntry(sequence: sequence, logSize: size) }
        let tree = try await tree(size: size)
        guard let entry = try await entries(sequence...sequence).first else {
            throw .noSuchEntry(sequence: sequence, logSize: size)
        }
        return try AuditReceipt.make(entry: entry, tree: tree, checkpointNote: note, signer: signer)
    }
}
