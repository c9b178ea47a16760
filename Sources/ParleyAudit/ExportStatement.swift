/// What an export claims, signed by the log key so that no byte of a bundle
/// header can change unnoticed: the checkpoint it rests on, the sequence range
/// it carries and the period it was asked for. Its signed text is
///
///     parley-audit-export/v1\n<origin>\n<tree size>\n<base64 root>\n
///     <first seq>\n<last seq>\n<period from>\n<period to>\n
///
/// (integers in decimal, times as ``AuditTime/rfc3339``). The text cannot be
/// taken for a checkpoint: its third line is a decimal, never 32 bytes of base64.
public struct ExportStatement: Sendable, Hashable {
    public static let tag = "parley-audit-export/v1"

    public let checkpoint: Checkpoint
    public let firstSequence: UInt64
    public let lastSequence: UInt64
    /// The period asked for, half-open: from ≤ time < to.
    public let periodFrom: AuditTime
    public let periodTo: AuditTime

    public init(
        checkpoint: Checkpoint, firstSequence: UInt64, lastSequence: UInt64,
        periodFrom: AuditTime, periodTo: AuditTime
    ) throws(AuditError) {
        guard firstSequence >= 1, firstSequence <= lastSequence, lastSequence <= checkpoint.size else {
            throw .invalidExport("sequences must satisfy 1 <= first <= last <= tree size")
        }
        guard periodFrom <= periodTo else { throw .invalidExport("the period must not end before it starts") }
        self.checkpoint = checkpoint
        self.firstSequence = firstSequence
        self.lastSequence = lastSequence
        self.periodFrom = periodFrom
        self.periodTo = periodTo
    }

    public var text: String {
        [
            Self.tag, checkpoint.origin, String(checkpoint.size), checkpoint.root.base64,
            String(firstSequence), String(lastSequence), periodFrom.rfc3339, periodTo.rfc3339,
        ].joined(separator: "\n") + "\n"
    }
}
