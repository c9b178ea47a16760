/// An export bundle: JSON Lines (UTF-8, one object a line, each ending in
/// `\n`) that a compliance officer verifies offline with the verifier key
/// alone. Line 1 is the header (with the signed export statement), line 2 the
/// signed checkpoint note, then one line per entry in sequence order with its
/// inclusion proof. The layout is specified in `parley-audit-format(5)`.
public struct AuditBundle: Sendable {
    /// The bundle file content.
    public let bytes: [UInt8]
    public let statement: ExportStatement

    /// Builds the bundle for `entries` (contiguous, ascending sequence numbers)
    /// against a signed checkpoint of `tree`.
    ///
    /// - Parameters:
    ///   - entries: the entries of the period, `first…last`, at most the checkpoint size.
    ///   - tree: the log's tree (from the stored leaf hashes); at least as large as the checkpoint.
    ///   - checkpointNote: the signed checkpoint note to prove against (checked with `signer`'s key).
    ///   - signer: the audit key, to sign the export statement.
    ///   - periodFrom: start of the period asked for (inclusive).
    ///   - periodTo: end of the period asked for (exclusive).
    public static func make(
        entries: [AuditEntry],
        tree: MerkleTree,
        checkpointNote: String,
        signer: NoteSigner,
        periodFrom: AuditTime,
        periodTo: AuditTime
    ) throws(AuditError) -> AuditBundle {
        guard let first = entries.first, let last = entries.last else {
            throw .invalidExport("no entries to export")
        }
        for (offset, entry) in entries.enumerated()
        where entry.sequence < first.sequence || entry.sequence - first.sequence != UInt64(offset) {
            throw .invalidExport("entries are not contiguous at sequence \(entry.sequence)")
        }
        let checkpoint = try Checkpoint(signedNote: checkpointNote, verifierKey: signer.verifierKey)
        guard try tree.root(size: checkpoint.size) == checkpoint.root else {
            throw .invalidExport("the tree does not match the checkpoint root at size \(checkpoint.size)")
        }
        let statement = try ExportStatement(
            checkpoint: checkpoint, firstSequence: first.sequence, lastSequence: last.sequence,
            periodFrom: periodFrom, periodTo: periodTo
        )
        let header = BundleLines.Header(
            type: "header", format: BundleLines.format, version: BundleLines.version,
            origin: checkpoint.origin, key: signer.verifierKey.identifier,
            periodFrom: periodFrom.rfc3339, periodTo: periodTo.rfc3339,
            firstSeq: first.sequence, lastSeq: last.sequence, treeSize: checkpoint.size,
            root: checkpoint.root.base64, signature: try signer.signatureBlob(for: statement.text)
        )
        var out = header.canonicalLine
        out.append(0x0A)
        out += BundleLines.CheckpointLine(type: "checkpoint", note: checkpointNote).canonicalLine
        out.append(0x0A)
        for entry in entries {
            let leafIndex = entry.sequence - 1
            guard try tree.leafHash(at: leafIndex) == entry.leafHash else {
                throw .invalidExport("entry \(entry.sequence) does not match the stored leaf hash")
            }
            let proof = try tree.inclusionProof(leafIndex: leafIndex, treeSize: checkpoint.size)
            let line = BundleLines.EntryLine(
                type: "entry", leafIndex: leafIndex, entry: entry, proof: proof.hashes.map(\.base64)
            )
            out += line.canonicalLine
            out.append(0x0A)
        }
        return AuditBundle(bytes: out, statement: statement)
    }

    /// The same, from the stored leaf hashes of the whole tree (at least up to the checkpoint size).
    public static func make(
        entries: [AuditEntry],
        leafHashes: [MerkleHash],
        checkpointNote: String,
        signer: NoteSigner,
        periodFrom: AuditTime,
        periodTo: AuditTime
    ) throws(AuditError) -> AuditBundle {
        try make(
            entries: entries, tree: MerkleTree(leafHashes: leafHashes), checkpointNote: checkpointNote,
            signer: signer, periodFrom: periodFrom, periodTo: periodTo
        )
    }
}
