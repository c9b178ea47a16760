/// The one error type of the audit module. Messages name fields, lines,
/// sequence numbers and sizes; they never quote entry content, which keeps
/// them safe for logs and terminals.
public enum AuditError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An entry field broke its grammar (see `parley-audit-format(5)`).
    case invalidField(field: String, reason: String)
    /// A timestamp was not `YYYY-MM-DDTHH:MM:SS.mmmZ` between 1970 and 9999.
    case invalidTime
    /// A leaf index or size lies outside the tree (`index` must be `< size`, `size <= treeSize`).
    case indexOutOfRange(index: UInt64, size: UInt64)
    /// An old tree size is larger than the new one, or beyond the tree.
    case invalidTreeSizes(old: UInt64, new: UInt64)
    /// A hash was not exactly 32 bytes, or not canonical base64 of 32 bytes.
    case invalidHash
    /// A proof did not lead to the expected root.
    case proofFailed(String)
    /// A verifier key string is not `<name>+<8 hex>+<base64(0x01 ‖ key)>` or its hash does not match.
    case malformedVerifierKey(String)
    /// A key name is not a valid name (empty, or holds white space, a control character or a plus sign).
    case invalidKeyName
    /// A signed note broke the C2SP signed-note syntax.
    case malformedNote(String)
    /// No signature of the expected key verified (missing or invalid).
    case signatureInvalid(String)
    /// A checkpoint body broke the C2SP tlog-checkpoint syntax.
    case malformedCheckpoint(String)
    /// A checkpoint's origin is not the name of the key it was opened with.
    case originMismatch(String)
    /// Two checkpoints do not belong together (origin, size or proof).
    case inconsistentCheckpoints(String)
    /// An export was asked for entries that do not fit the tree.
    case invalidExport(String)
    /// A receipt was asked for a sequence number the log does not hold.
    case noSuchEntry(sequence: UInt64, logSize: UInt64)
    /// A document (consistency proof file, bundle line) could not be parsed.
    case malformedDocument(String)
    /// A signing operation of the crypto module failed.
    case signingFailed
    /// The store holding the log failed.
    case storage(String)

    public var description: String {
        switch self {
        case let .invalidField(field, reason): "invalid \(field): \(reason)"
        case .invalidTime: "invalid time: expected YYYY-MM-DDTHH:MM:SS.mmmZ between 1970 and 9999"
        case let .indexOutOfRange(index, size): "index \(index) is out of range for size \(size)"
        case let .invalidTreeSizes(old, new): "invalid tree sizes: old \(old), new \(new)"
        case .invalidHash: "invalid hash: expected 32 bytes in canonical base64"
        case let .proofFailed(reason): "proof failed: \(reason)"
        case let .malformedVerifierKey(reason): "malformed verifier key: \(reason)"
        case .invalidKeyName: "invalid key name: must be non-empty without white space, control characters or '+'"
        case let .malformedNote(reason): "malformed signed note: \(reason)"
        case let .signatureInvalid(reason): "signature invalid: \(reason)"
        case let .malformedCheckpoint(reason): "malformed checkpoint: \(reason)"
        case let .originMismatch(reason): "origin mismatch: \(reason)"
        case let .inconsistentCheckpoints(reason): "inconsistent checkpoints: \(reason)"
        case let .invalidExport(reason): "invalid export: \(reason)"
        case let .noSuchEntry(sequence, logSize): "no entry \(sequence) in the audit log (it holds \(logSize) entries)"
        case let .malformedDocument(reason): "malformed document: \(reason)"
        case let .storage(reason): "audit storage failed: \(reason)"
        case .signingFailed: "signing failed"
        }
    }
}
