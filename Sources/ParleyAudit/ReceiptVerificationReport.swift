/// The outcome of verifying an entry receipt, for people (``summary``) and
/// for `--json` (members in parley-audit-format(5), REPORTS). The entry is
/// given only once the receipt verified.
public struct ReceiptVerificationReport: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        case verified, failed
    }

    /// The failure kinds, each raised at one step of "Verifying a receipt".
    public enum FailureKind: String, Sendable, Codable {
        /// Empty, fewer than three lines, or not ending in a newline (step 1).
        case malformedReceipt = "malformed_receipt"
        /// More than three lines (step 1).
        case unexpectedLine = "unexpected_line"
        /// Line 1 is not a canonical receipt header (step 2).
        case malformedHeader = "malformed_header"
        /// A format name or version this verifier does not know (step 2).
        case unsupportedFormat = "unsupported_format"
        /// Line 2 is not a canonical checkpoint line, or its note or checkpoint is malformed (step 3).
        case malformedCheckpoint = "malformed_checkpoint"
        /// The note is not signed exactly once, validly, by the verifier key (step 3).
        case checkpointSignature = "checkpoint_signature"
        /// The checkpoint's origin is not the verifier key's name (step 3).
        case originMismatch = "origin_mismatch"
        /// The header disagrees with the key or the checkpoint, or its leaf index is outside the tree (step 4).
        case headerMismatch = "header_mismatch"
        /// Line 3 is not a canonical entry line holding a valid entry and proof (step 5).
        case malformedEntry = "malformed_entry"
        /// The entry's sequence or the line's leaf index is not the header's leaf index (+ 1) (step 5).
        case leafIndexMismatch = "leaf_index_mismatch"
        /// The entry and its proof do not lead to the checkpoint root (step 5).
        case inclusionProof = "inclusion_proof"
        /// The receipt statement's signature does not verify (step 6).
        case receiptSignature = "receipt_signature"
    }

    public struct Failure: Sendable, Codable, Equatable {
        public let kind: FailureKind
        /// 1-based line of the receipt, when the failure is tied to a line.
        public let line: Int?
        public let message: String
    }

    public var status: Status
    public var origin: String?
    public var key: String?
    public var treeSize: UInt64?
    /// Base64 root hash of the checkpoint.
    public var root: String?
    public var leafIndex: UInt64?
    /// The proven entry, set only when the receipt verified.
    public var entry: AuditEntry?
    public var failure: Failure?

    enum CodingKeys: String, CodingKey {
        case status, origin, key, treeSize = "tree_size", root, leafIndex = "leaf_index", entry, failure
    }

    public var isVerified: Bool { status == .verified }

    /// For a terminal: the verdict, then (once verified) the entry's fields and details, one a line.
    public var summary: String {
        guard let entry, isVerified else {
            let location = failure?.line.map { " at line \($0)" } ?? ""
            return "FAILED\(location): \(failure?.message ?? "the receipt did not verify")"
        }
        var lines = [
            "VERIFIED receipt for entry \(entry.sequence) of \(origin ?? "?") "
                + "in a checkpoint of size \(treeSize ?? 0) signed by \(key ?? "?")",
            "time: \(entry.time)",
            "actor: \(entry.actor) (\(entry.role.rawValue))",
            "action: \(entry.action)",
            "target: " + (entry.target.map { "\($0.kind) \($0.id)" } ?? "-"),
            "outcome: \(entry.outcome.rawValue)",
        ]
        lines += entry.sortedDetails.map { "  \($0.key): \($0.value)" }
        return lines.joined(separator: "\n")
    }

    static func empty() -> ReceiptVerificationReport {
        ReceiptVerificationReport(
            status: .failed, origin: nil, key: nil, treeSize: nil, root: nil, leafIndex: nil, entry: nil, failure: nil
        )
    }
}
