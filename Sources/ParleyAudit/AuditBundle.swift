/// An export bundle: JSON Lines (UTF-8, one object a line, each ending in
/// `\n`) that a compliance officer verifies offline with the verifier key
/// alone. Line 1 is the header (with the signed export statement), line 2 the
/// signed checkpoint note, then one line per entry in sequence order with its
/// inclusion proof; an empty bundle has instead the neighbours of the empty
/// period. The layout is specified in `parley-audit-format(5)`.
public struct AuditBundle: Sendable {
    /// The bundle file content.
    public let bytes: [UInt8]
    public let statement: ExportStatement
    /// The exported entries, in order; none in an empty bundle.
    public let entries: [AuditEntry]

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
        let checkpoint = try provenCheckpoint(checkpointNote, tree: tree, signer: signer)
        let statement = try ExportStatement(
            checkpoint: checkpoint, firstSequence: first.sequence, lastSequence: last.sequence,
            periodFrom: periodFrom, periodTo: periodTo
        )
        var out = try headerAndCheckpoint(statement, note: checkpointNote, signer: signer)
        for entry in entries {
            out += try line(BundleLines.entryType, entry, tree: tree, treeSize: checkpoint.size)
        }
        return AuditBundle(bytes: out, statement: statement, entries: entries)
    }

    /// Builds the empty bundle of a period that holds no entry of the
    /// checkpointed log: the period falls between `predecessor` (nil when it
    /// lies before the first entry) and `successor` (nil when it lies after
    /// the last), adjacent entries dated before `periodFrom` and at or after
    /// `periodTo`, which the bundle proves.
    public static func makeEmpty(
        predecessor: AuditEntry?,
        successor: AuditEntry?,
        tree: MerkleTree,
        checkpointNote: String,
        signer: NoteSigner,
        periodFrom: AuditTime,
        periodTo: AuditTime
    ) throws(AuditError) -> AuditBundle {
        let checkpoint = try provenCheckpoint(checkpointNote, tree: tree, signer: signer)
        let last = predecessor?.sequence ?? 0
        guard last <= checkpoint.size, last < UInt64.max else {
            throw .invalidExport("the predecessor lies beyond the checkpoint")
        }
        let first = last + 1
        guard successor?.sequence == (first <= checkpoint.size ? first : nil) else {
            throw .invalidExport("the successor must be entry \(first) when the checkpoint holds it, and absent otherwise")
        }
        if let predecessor, predecessor.time >= periodFrom {
            throw .invalidExport("the predecessor is not dated before the period")
        }
        if let successor, successor.time < periodTo {
            throw .invalidExport("the successor is not dated after the period")
        }
        let statement = try ExportStatement(
            checkpoint: checkpoint, firstSequence: first, lastSequence: last, periodFrom: periodFrom, periodTo: periodTo
        )
        var out = try headerAndCheckpoint(statement, note: checkpointNote, signer: signer)
        for neighbour in [predecessor, successor].compactMap({ $0 }) {
            out += try line(BundleLines.neighbourType, neighbour, tree: tree, treeSize: checkpoint.size)
        }
        return AuditBundle(bytes: out, statement: statement, entries: [])
    }

    /// The same as ``make(entries:tree:checkpointNote:signer:periodFrom:periodTo:)``, from the stored
    /// leaf hashes of the whole tree (at least up to the checkpoint size).
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

    /// The checkpoint of `note`, checked with the signer's key and against `tree`.
    static func provenCheckpoint(_ note: String, tree: MerkleTree, signer: NoteSigner) throws(AuditError) -> Checkpoint {
        let checkpoint = try Checkpoint(signedNote: note, verifierKey: signer.verifierKey)
        guard checkpoint.size <= tree.size, try tree.root(size: checkpoint.size) == checkpoint.root else {
            throw .invalidExport("the tree does not match the checkpoint root at size \(checkpoint.size)")
        }
        return checkpoint
    }

    private static func headerAndCheckpoint(_ statement: ExportStatement, note: String, signer: NoteSigner) throws(AuditError) -> [UInt8] {
        let checkpoint = statement.checkpoint
        let header = BundleLines.Header(
            type: "header", format: BundleLines.format, version: BundleLines.version,
            origin: checkpoint.origin, key: signer.verifierKey.identifier,
            periodFrom: statement.periodFrom.rfc3339, periodTo: statement.periodTo.rfc3339,
            firstSeq: statement.firstSequence, lastSeq: statement.lastSequence, treeSize: checkpoint.size,
            root: checkpoint.root.base64, signature: try signer.signatureBlob(for: statement.text)
        )
        var out = header.canonicalLine
        out.append(0x0A)
        out += BundleLines.CheckpointLine(type: "checkpoint", note: note).canonicalLine
        out.append(0x0A)
        return out
    }

    /// An entry or neighbour line with its inclusion proof, and its newline.
    static func line(_ type: String, _ entry: AuditEntry, tree: MerkleTree, treeSize: UInt64) throws(AuditError) -> [UInt8] {
        let leafIndex = entry.sequence - 1
        guard leafIndex < treeSize, try tree.leafHash(at: leafIndex) == entry.leafHash else {
            throw .invalidExport("entry \(entry.sequence) does not match the stored leaf hash")
        }
        let proof = try tree.inclusionProof(leafIndex: leafIndex, treeSize: treeSize)
        let line = BundleLines.EntryLine(type: type, leafIndex: leafIndex, entry: entry, proof: proof.hashes.map(\.base64))
        return line.canonicalLine + [0x0A]
    }
}
