/// The outcome of verifying a consistency file, for people (``summary``) and
/// for `--json` (members in parley-audit-format(5), REPORTS).
public struct ConsistencyVerificationReport: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        case verified, failed
    }

    /// The failure kinds, each raised at one step of "Verifying consistency".
    public enum FailureKind: String, Sendable, Codable {
        /// The file is not the proof line, an empty line and a note (step 1).
        case malformedFile = "malformed_file"
        /// The proof line is not canonical or its hashes are not 32 bytes of canonical base64 (step 2).
        case malformedProof = "malformed_proof"
        /// A note or its checkpoint is malformed (step 3).
        case malformedCheckpoint = "malformed_checkpoint"
        /// A note is not signed exactly once, validly, by its key (step 3).
        case checkpointSignature = "checkpoint_signature"
        /// A checkpoint's origin is not its key's name, or the two origins differ (step 3).
        case originMismatch = "origin_mismatch"
        /// The old size exceeds the new, or the proof's sizes are not the checkpoints' (step 4).
        case sizeMismatch = "size_mismatch"
        /// The proof does not lead from the old root to the new one (step 5).
        case consistencyProof = "consistency_proof"
    }

    public struct Failure: Sendable, Codable, Equatable {
        public let kind: FailureKind
        /// "old" or "new" when the failure is one note's.
        public let checkpoint: String?
        public let message: String
    }

    public var status: Status
    public var origin: String?
    public var oldSize: UInt64?
    public var newSize: UInt64?
    public var oldRoot: String?
    public var newRoot: String?
    public var failure: Failure?

    init(status: Status, failure: Failure? = nil) {
        self.status = status
        self.failure = failure
    }

    enum CodingKeys: String, CodingKey {
        case status, origin, oldSize = "old_size", newSize = "new_size", oldRoot = "old_root", newRoot = "new_root", failure
    }

    public var isVerified: Bool { status == .verified }

    public var summary: String {
        if let failure { return "FAILED: \(failure.message)" }
        return "CONSISTENT: \(origin ?? "?") at size \(newSize ?? 0) extends the checkpoint at size \(oldSize ?? 0)"
    }
}
