/// The outcome of verifying a bundle, for people (``summary``) and for
/// `--json` (Codable; members in parley-audit-format(5), REPORTS). On failure
/// it names the first bad line, and for entry lines the sequence number that
/// line should hold.
public struct VerificationReport: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        case verified, failed
    }

    public enum FailureKind: String, Sendable, Codable {
        /// Empty, fewer than two lines, or a line not ending in a newline.
        case malformedBundle = "malformed_bundle"
        /// Line 1 is not a well-formed, canonical header.
        case malformedHeader = "malformed_header"
        /// A format name or version this verifier does not know.
        case unsupportedFormat = "unsupported_format"
        /// Line 2 is not a well-formed signed checkpoint.
        case malformedCheckpoint = "malformed_checkpoint"
        /// The checkpoint note is not signed exactly once, validly, by the verifier key.
        case checkpointSignature = "checkpoint_signature"
        /// The checkpoint's origin is not the verifier key's name.
        case originMismatch = "origin_mismatch"
        /// The header's export statement signature does not verify.
        case headerSignature = "header_signature"
        /// The header disagrees with the checkpoint, the key or itself.
        case headerMismatch = "header_mismatch"
        /// An entry line is not well-formed, canonical JSON of a valid entry.
        case malformedEntry = "malformed_entry"
        /// An expected sequence number is absent from the bundle.
        case missingEntry = "missing_entry"
        /// A sequence number appears at the wrong position.
        case misplacedEntry = "misplaced_entry"
        /// A sequence number appears twice.
        case duplicateEntry = "duplicate_entry"
        /// The leaf index is not the sequence number minus one.
        case leafIndexMismatch = "leaf_index_mismatch"
        /// The entry's canonical bytes and proof do not lead to the checkpoint root.
        case inclusionProof = "inclusion_proof"
        /// More lines than the header's sequence range (or an empty bundle's neighbours).
        case unexpectedLine = "unexpected_line"
        /// A neighbour of an empty bundle is not dated outside the period on its side.
        case neighbourTime = "neighbour_time"
    }

    public struct Failure: Sendable, Codable, Equatable {
        public let kind: FailureKind
        /// 1-based line number in the bundle, when the failure is tied to a line.
        public let line: Int?
        /// The sequence number the entry at `line` should have.
        public let sequence: UInt64?
        /// The sequence number actually found there, when it differs.
        public let foundSequence: UInt64?
        public let message: String

        enum CodingKeys: String, CodingKey {
            case kind, line, sequence, foundSequence = "found_sequence", message
        }
    }

    public var status: Status
    public var origin: String?
    public var key: String?
    public var treeSize: UInt64?
    /// Base64 root hash of the checkpoint.
    public var root: String?
    public var periodFrom: String?
    public var periodTo: String?
    public var firstSequence: UInt64?
    public var lastSequence: UInt64?
    /// True for an empty bundle (a period without entries), once its header verified.
    public var empty: Bool?
    /// Entries whose inclusion was proven, in order, before any failure.
    public var entriesVerified: UInt64
    public var failure: Failure?
    /// Facts worth a look that do not fail verification (an entry outside the period).
    public var warnings: [String]

    enum CodingKeys: String, CodingKey {
        case status, origin, key, treeSize = "tree_size", root
        case periodFrom = "period_from", periodTo = "period_to"
        case firstSequence = "first_sequence", lastSequence = "last_sequence", empty
        case entriesVerified = "entries_verified", failure, warnings
    }

    public var isVerified: Bool { status == .verified }

    /// One or more lines for a terminal.
    public var summary: String {
        var lines = [String]()
        if let failure {
            var location = ""
            if let line = failure.line { location += "line \(line)" }
            if let sequence = failure.sequence { location += (location.isEmpty ? "" : ", ") + "sequence \(sequence)" }
            lines.append("FAILED" + (location.isEmpty ? "" : " at \(location)") + ": " + failure.message)
        } else if empty == true, let lastSequence, let firstSequence {
            let before = lastSequence == 0 ? "before the first entry" : "after entry \(lastSequence)"
            let after = firstSequence > (treeSize ?? 0) ? "" : " and before entry \(firstSequence)"
            lines.append("VERIFIED empty bundle: no entry of \(origin ?? "?") from \(periodFrom ?? "?") to \(periodTo ?? "?"); "
                + "the period falls \(before)\(after) of a checkpoint of size \(treeSize ?? 0) signed by \(key ?? "?")")
        } else {
            let range = firstSequence.map { "\($0)…\(lastSequence ?? $0)" } ?? "-"
            lines.append("VERIFIED \(entriesVerified) entries (sequence \(range)) of \(origin ?? "?") "
                + "against a checkpoint of size \(treeSize ?? 0) signed by \(key ?? "?")")
        }
        lines += warnings.map { "warning: " + $0 }
        return lines.joined(separator: "\n")
    }

    static func empty() -> VerificationReport {
        VerificationReport(
            status: .failed, origin: nil, key: nil, treeSize: nil, root: nil, periodFrom: nil,
            periodTo: nil, firstSequence: nil, lastSequence: nil, empty: nil, entriesVerified: 0, failure: nil, warnings: []
        )
    }
}
