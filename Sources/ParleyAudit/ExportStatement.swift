/// What an export claims, signed by the log key so that no byte of a bundle
/// header can change unnoticed: the checkpoint it rests on, the sequence range
/// it carries and the period it was asked for. Its signed text is
///
///     <tag>\n<origin>\n<tree size>\n<base64 root>\n
///     <first seq>\n<last seq>\n<period from>\n<period to>\n
///
/// (integers in decimal, times as ``AuditTime/rfc3339``), where the tag is
/// ``tag`` for a range of entries and ``emptyTag`` for an empty export, whose
/// last sequence is the first minus one: the period falls between those two
/// entries. The text cannot be taken for a checkpoint: its third line is a
/// decimal, never 32 bytes of base64.
public struct ExportStatement: Sendable, Hashable {
    public static let tag = "parley-audit-export/v1"
    public static let emptyTag = "parley-audit-export-empty/v1"

    public let checkpoint: Checkpoint
    /// The first exported sequence number; for an empty export, the entry just after the period (tree size + 1 when none).
    public let firstSequence: UInt64
    /// The last exported sequence number; for an empty export, the entry just before the period (0 when none).
    public let lastSequence: UInt64
    /// The period asked for, half-open: from ≤ time < to.
    public let periodFrom: AuditTime
    public let periodTo: AuditTime

    /// Requires 1 ≤ first, last ≤ tree size and first ≤ last + 1 (equality: an empty export).
    public init(
        checkpoint: Checkpoint, firstSequence: UInt64, lastSequence: UInt64,
        periodFrom: AuditTime, periodTo: AuditTime
    ) throws(AuditError) {
        guard firstSequence >= 1, firstSequence - 1 <= lastSequence, lastSequence <= checkpoint.size else {
            throw .invalidExport("sequences must satisfy 1 <= first <= last + 1 and last <= tree size")
        }
        guard periodFrom <= periodTo else { throw .invalidExport("the period must not end before it starts") }
        self.checkpoint = checkpoint
        self.firstSequence = firstSequence
        self.lastSequence = lastSequence
        self.periodFrom = periodFrom
        self.periodTo = periodTo
    }

    /// True when the export holds no entry (last = first − 1).
    public var isEmpty: Bool { lastSequence < firstSequence }

    /// The exported sequence numbers, nil for an empty export.
    public var sequences: ClosedRange<UInt64>? {
        isEmpty ? nil : firstSequence...lastSequence
    }

    public var text: String {
        [
            isEmpty ? Self.emptyTag : Self.tag, checkpoint.origin, String(checkpoint.size), checkpoint.root.base64,
            String(firstSequence), String(lastSequence), periodFrom.rfc3339, periodTo.rfc3339,
        ].joined(separator: "\n") + "\n"
    }
}
