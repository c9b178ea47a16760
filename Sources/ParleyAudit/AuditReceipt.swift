/// An entry receipt: a file (canonical JSON Lines) that proves one audit
/// entry offline with the verifier key alone. Line 1 is the header with the
/// signed receipt statement, line 2 the signed checkpoint note, line 3 the
/// entry with its inclusion proof. The layout is specified in
/// `parley-audit-format(5)`, ENTRY RECEIPTS; an erasure's receipt is the
/// receipt of its `erasure.complete` entry.
public struct AuditReceipt: Sendable, Hashable {
    /// The receipt file's content.
    public var text: String
    /// The entry it proves.
    public var entry: AuditEntry
    /// The size of the checkpoint the entry is proven in.
    public var treeSize: UInt64

    /// The receipt of `entry` against the signed checkpoint `checkpointNote` of `tree`.
    ///
    /// - Parameters:
    ///   - entry: an entry of the checkpointed log (its leaf hash must be the tree's at its index).
    ///   - tree: the log's tree, at least as large as the checkpoint.
    ///   - checkpointNote: the signed checkpoint note to prove against (checked with `signer`'s key).
    ///   - signer: the audit key, to sign the receipt statement.
    public static func make(
        entry: AuditEntry, tree: MerkleTree, checkpointNote: String, signer: NoteSigner
    ) throws(AuditError) -> AuditReceipt {
        let checkpoint = try AuditBundle.provenCheckpoint(checkpointNote, tree: tree, signer: signer)
        guard entry.sequence <= checkpoint.size else {
            throw .noSuchEntry(sequence: entry.sequence, logSize: checkpoint.size)
        }
        let statement = ReceiptStatement(checkpoint: checkpoint, leafIndex: entry.sequence - 1, leafHash: entry.leafHash)
        let header = ReceiptHeader(
            type: "header", format: ReceiptHeader.format, version: ReceiptHeader.version,
            origin: checkpoint.origin, key: signer.verifierKey.identifier, leafIndex: statement.leafIndex,
            treeSize: checkpoint.size, root: checkpoint.root.base64, signature: try signer.signatureBlob(for: statement.text)
        )
        var out = header.canonicalLine
        out.append(0x0A)
        out += BundleLines.CheckpointLine(type: "checkpoint", note: checkpointNote).canonicalLine
        out.append(0x0A)
        out += try AuditBundle.line(BundleLines.entryType, entry, tree: tree, treeSize: checkpoint.size)
        return AuditReceipt(text: String(decoding: out, as: UTF8.self), entry: entry, treeSize: checkpoint.size)
    }
}
