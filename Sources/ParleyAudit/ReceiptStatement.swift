/// What an entry receipt claims, signed by the log key: the checkpoint it
/// rests on and the entry (by leaf index and leaf hash) it was issued for.
/// Its signed text is
///
///     parley-audit-receipt/v1\n<origin>\n<tree size>\n<base64 root>\n
///     <leaf index>\n<base64 leaf hash>\n
///
/// Its third line is a decimal, so it is never read as a checkpoint, and its
/// tag differs from the export statements'.
struct ReceiptStatement: Sendable, Hashable {
    static let tag = "parley-audit-receipt/v1"

    let checkpoint: Checkpoint
    let leafIndex: UInt64
    let leafHash: MerkleHash

    var text: String {
        [
            Self.tag, checkpoint.origin, String(checkpoint.size), checkpoint.root.base64,
            String(leafIndex), leafHash.base64,
        ].joined(separator: "\n") + "\n"
    }
}
