import Foundation

/// Verifies an export bundle offline with the verifier key alone, in the
/// steps of parley-audit-format(5), "VERIFYING A BUNDLE": the header
/// (canonical JSON, known format); the checkpoint note (exactly one
/// signature, by the key; origin = the key's name); the header's signed export
/// statement and its agreement with the checkpoint; then every entry line in
/// order (canonical JSON of a valid entry, the expected sequence number,
/// leaf index = sequence − 1, the inclusion proof from the entry's re-derived
/// canonical bytes to the checkpoint root), or, in an empty bundle, the two
/// neighbours of the period.
///
/// It stops at the first failure and names its line and, for entry lines, the
/// sequence number that line should hold. It never traps on any input.
public enum AuditBundleVerifier {
    /// At most this many warnings are listed (then a count of the rest).
    static let maximumWarnings = 20

    public static func verify(bundleBytes bytes: [UInt8], verifierKey key: NoteVerifierKey) -> VerificationReport {
        var report = VerificationReport.empty()
        func failed(
            _ kind: VerificationReport.FailureKind, line: Int?, sequence: UInt64? = nil,
            found: UInt64? = nil, _ message: String
        ) -> VerificationReport {
            report.status = .failed
            report.failure = .init(kind: kind, line: line, sequence: sequence, foundSequence: found, message: message)
            return report
        }

        // Step 1: the file.
        guard !bytes.isEmpty else { return failed(.malformedBundle, line: nil, "the bundle is empty") }
        let (lines, terminated) = JSONLinesFile.split(bytes)
        guard lines.count >= 2, terminated || lines.count > 2 else {
            return failed(.malformedBundle, line: nil, "a bundle has a header line and a checkpoint line, each ending in a newline")
        }

        // Step 2: the header.
        let decoder = JSONDecoder()
        guard let header = try? decoder.decode(BundleLines.Header.self, from: Data(lines[0])),
              JSONLinesFile.isExactly(lines[0], header.canonicalLine), header.type == "header"
        else { return failed(.malformedHeader, line: 1, "line 1 is not a canonical header object" + JSONLinesFile.crHint(lines[0])) }
        guard header.format == BundleLines.format, header.version == BundleLines.version else {
            return failed(.unsupportedFormat, line: 1, "unsupported format (this verifier reads \(BundleLines.format) version \(BundleLines.version))")
        }
        report.key = header.key

        // Step 3: the signed checkpoint.
        guard let checkpointLine = try? decoder.decode(BundleLines.CheckpointLine.self, from: Data(lines[1])),
              JSONLinesFile.isExactly(lines[1], checkpointLine.canonicalLine), checkpointLine.type == "checkpoint"
        else { return failed(.malformedCheckpoint, line: 2, "line 2 is not a canonical checkpoint object" + JSONLinesFile.crHint(lines[1])) }
        let checkpoint: Checkpoint
        switch Checkpoint.open(note: Array(checkpointLine.note.utf8), key: key) {
        case let .success(opened): checkpoint = opened
        case let .failure(failure):
            switch failure.kind {
            case .malformed: return failed(.malformedCheckpoint, line: 2, failure.message)
            case .origin: return failed(.originMismatch, line: 2, failure.message)
            case .signature:
                let hint = header.key == key.identifier ? "" : " (the bundle names key \(header.key))"
                return failed(.checkpointSignature, line: 2, failure.message + hint)
            }
        }
        report.origin = checkpoint.origin
        report.treeSize = checkpoint.size
        report.root = checkpoint.root.base64

        // Step 4: the header's export statement, signed and in agreement with the checkpoint.
        guard let from = try? AuditTime(rfc3339: header.periodFrom), let to = try? AuditTime(rfc3339: header.periodTo) else {
            return failed(.malformedHeader, line: 1, "the period is not two times YYYY-MM-DDTHH:MM:SS.mmmZ")
        }
        let statement: ExportStatement
        do {
            statement = try ExportStatement(
                checkpoint: checkpoint, firstSequence: header.firstSeq, lastSequence: header.lastSeq,
                periodFrom: from, periodTo: to
            )
        } catch {
            return failed(.headerMismatch, line: 1, "\(error)")
        }
        guard header.key == key.identifier else {
            return failed(.headerMismatch, line: 1, "the header names key \(header.key), not \(key.identifier)")
        }
        guard header.origin == checkpoint.origin, header.treeSize == checkpoint.size,
              header.root == checkpoint.root.base64
        else { return failed(.headerMismatch, line: 1, "the header's origin, tree size or root differ from the checkpoint") }
        guard let blob = Base64.decode(header.signature),
              key.isValid(signatureBlob: blob, for: Array(statement.text.utf8))
        else { return failed(.headerSignature, line: 1, "the export statement signature does not verify") }
        report.periodFrom = header.periodFrom
        report.periodTo = header.periodTo
        report.firstSequence = header.firstSeq
        report.lastSequence = header.lastSeq
        report.empty = statement.isEmpty

        // Steps 5 to 8: the entry lines, or the neighbours of an empty period.
        let body = Array(lines.dropFirst(2))
        if statement.isEmpty {
            return verifyNeighbours(body, terminated: terminated, statement: statement, report: report)
        }
        return verifyEntries(body, terminated: terminated, statement: statement, report: report)
    }

    /// Parses the key string, then verifies.
    public static func verify(bundleBytes bytes: [UInt8], verifierKey: String) throws(AuditError) -> VerificationReport {
        verify(bundleBytes: bytes, verifierKey: try NoteVerifierKey(parsing: verifierKey))
    }
}
