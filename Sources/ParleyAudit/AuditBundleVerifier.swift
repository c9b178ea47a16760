import Foundation

/// Verifies an export bundle offline with the verifier key alone. It checks,
/// in this order: the header (canonical JSON, known format); the checkpoint
/// note's signature by the key; the header's signed export statement and its
/// agreement with the checkpoint; then every entry line in order: canonical
/// JSON of a valid entry, the expected sequence number (contiguous from the
/// header's first to last), leaf index = sequence − 1, and the inclusion proof
/// from the entry's re-derived canonical bytes to the checkpoint root.
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

        guard !bytes.isEmpty else { return failed(.malformedBundle, line: nil, "the bundle is empty") }
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let terminated = bytes.last == 0x0A
        if terminated { lines.removeLast() }
        let lastLineIndex = lines.count - 1
        let decoder = JSONDecoder()

        // Line 1: header.
        guard lines.count >= 2, terminated || lastLineIndex > 1 else {
            return failed(.malformedBundle, line: nil, "a bundle has a header line and a checkpoint line, each ending in a newline")
        }
        guard let header = try? decoder.decode(BundleLines.Header.self, from: Data(lines[0])),
              header.canonicalLine.elementsEqual(lines[0]), header.type == "header"
        else { return failed(.malformedHeader, line: 1, "line 1 is not a canonical header object" + crHint(lines[0])) }
        guard header.format == BundleLines.format, header.version == BundleLines.version else {
            return failed(.unsupportedFormat, line: 1, "unsupported format (this verifier reads \(BundleLines.format) version \(BundleLines.version))")
        }
        report.key = header.key

        // Line 2: the signed checkpoint.
        guard let checkpointLine = try? decoder.decode(BundleLines.CheckpointLine.self, from: Data(lines[1])),
              checkpointLine.canonicalLine.elementsEqual(lines[1]), checkpointLine.type == "checkpoint"
        else { return failed(.malformedCheckpoint, line: 2, "line 2 is not a canonical checkpoint object" + crHint(lines[1])) }
        let checkpoint: Checkpoint
        do {
            let note = try SignedNote(parsing: checkpointLine.note)
            do {
                _ = try note.verifiedText(with: key)
            } catch {
                let hint = header.key == key.identifier ? "" : " (the bundle names key \(header.key))"
                return failed(.checkpointSignature, line: 2, "\(error)\(hint)")
            }
            checkpoint = try Checkpoint(body: note.text)
        } catch {
            return failed(.malformedCheckpoint, line: 2, "\(error)")
        }
        report.origin = checkpoint.origin
        report.treeSize = checkpoint.size
        report.root = checkpoint.root.base64

        // The header's export statement: signed, and in agreement with the checkpoint.
        guard let from = try? AuditTime(rfc3339: header.periodFrom), let to = try? AuditTime(rfc3339: header.periodTo) else {
            return failed(.malformedHeader, line: 1, "the period is not two RFC 3339 UTC times with milliseconds")
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

        // Entry lines.
        let entryLines = lines.dropFirst(2)
        let parsed = entryLines.map { line in try? decoder.decode(BundleLines.EntryLine.self, from: Data(line)) }
        var firstLineOfSequence = [UInt64: Int]()
        for (offset, line) in parsed.enumerated() {
            if let sequence = line?.entry.sequence, firstLineOfSequence[sequence] == nil {
                firstLineOfSequence[sequence] = offset + 3
            }
        }
        let expectedCount = header.lastSeq - header.firstSeq + 1
        var outsidePeriod = 0
        for (offset, lineBytes) in entryLines.enumerated() {
            let lineNumber = offset + 3
            guard UInt64(offset) < expectedCount else {
                return failed(.unexpectedLine, line: lineNumber, "more entry lines than sequences \(header.firstSeq)…\(header.lastSeq)")
            }
            let expected = header.firstSeq + UInt64(offset)
            guard lineNumber - 1 < lastLineIndex || terminated else {
                return failed(.malformedBundle, line: lineNumber, sequence: expected, "the last line does not end with a newline")
            }
            guard let line = parsed[offset], line.type == "entry" else {
                return failed(.malformedEntry, line: lineNumber, sequence: expected, "not a valid entry object" + crHint(lineBytes))
            }
            guard line.canonicalLine.elementsEqual(lineBytes) else {
                return failed(.malformedEntry, line: lineNumber, sequence: expected,
                              "not in canonical form (spacing, member order, escapes or duplicate members)")
            }
            let found = line.entry.sequence
            guard found == expected else {
                return misplaced(expected: expected, found: found, line: lineNumber, header: header,
                                 firstLineOfSequence: firstLineOfSequence, fail: failed)
            }
            guard line.leafIndex == expected - 1 else {
                return failed(.leafIndexMismatch, line: lineNumber, sequence: expected,
                              "leaf index \(line.leafIndex) is not sequence − 1 (\(expected - 1))")
            }
            var hashes = [MerkleHash]()
            for text in line.proof {
                guard let hash = MerkleHash(base64: text) else {
                    return failed(.malformedEntry, line: lineNumber, sequence: expected,
                                  "proof hash \(hashes.count + 1) is not canonical base64 of 32 bytes")
                }
                hashes.append(hash)
            }
            let proof = InclusionProof(leafIndex: line.leafIndex, treeSize: checkpoint.size, hashes: hashes)
            do {
                try proof.verify(leafHash: line.entry.leafHash, root: checkpoint.root)
            } catch {
                return failed(.inclusionProof, line: lineNumber, sequence: expected,
                              "the entry is not in the checkpointed log as written: \(error)")
            }
            if line.entry.time < from || line.entry.time >= to {
                outsidePeriod += 1
                if outsidePeriod <= maximumWarnings {
                    report.warnings.append("sequence \(expected) (line \(lineNumber)) is dated \(line.entry.time), outside the period")
                }
            }
            report.entriesVerified += 1
        }
        if outsidePeriod > maximumWarnings {
            report.warnings.append("\(outsidePeriod - maximumWarnings) more entries are dated outside the period")
        }
        guard UInt64(entryLines.count) == expectedCount else {
            let missing = header.firstSeq + UInt64(entryLines.count)
            return failed(.missingEntry, line: entryLines.count + 3, sequence: missing,
                          "the bundle ends before sequence \(missing); the header promises up to \(header.lastSeq)")
        }
        report.status = .verified
        return report
    }

    /// Parses the key string, then verifies.
    public static func verify(bundleBytes bytes: [UInt8], verifierKey: String) throws(AuditError) -> VerificationReport {
        verify(bundleBytes: bytes, verifierKey: try NoteVerifierKey(parsing: verifierKey))
    }

    /// A hint for files whose line ends were converted to CR LF in transit.
    private static func crHint(_ line: ArraySlice<UInt8>) -> String {
        line.last == 0x0D ? " (the line ends with CR: convert CR LF line ends back to LF)" : ""
    }

    /// Says why `found` stands where `expected` belongs: a gap, a move or a duplicate.
    private static func misplaced(
        expected: UInt64, found: UInt64, line: Int, header: BundleLines.Header,
        firstLineOfSequence: [UInt64: Int],
        fail: (VerificationReport.FailureKind, Int?, UInt64?, UInt64?, String) -> VerificationReport
    ) -> VerificationReport {
        if found < header.firstSeq || found > header.lastSeq {
            return fail(.misplacedEntry, line, expected, found,
                        "found sequence \(found), outside the bundle's range \(header.firstSeq)…\(header.lastSeq)")
        }
        if let earlier = firstLineOfSequence[found], earlier < line {
            return fail(.duplicateEntry, line, expected, found, "sequence \(found) already appeared at line \(earlier)")
        }
        if let later = firstLineOfSequence[expected] {
            return fail(.misplacedEntry, line, expected, found,
                        "entries out of order: sequence \(expected) belongs here but is at line \(later); found \(found)")
        }
        return fail(.missingEntry, line, expected, found, "sequence \(expected) is missing; found \(found) in its place")
    }
}
