import Foundation

extension AuditReceipt {
    /// Verifies a receipt with the verifier key alone, in the steps of
    /// parley-audit-format(5), "Verifying a receipt". Never throws and never
    /// traps on any input: bad input is a failed report naming the kind and line.
    public static func verify(_ text: String, verifierKey key: NoteVerifierKey) -> ReceiptVerificationReport {
        verify(bytes: Array(text.utf8), verifierKey: key)
    }

    /// The same, for a file's bytes (which need not be UTF-8).
    public static func verify(bytes: [UInt8], verifierKey key: NoteVerifierKey) -> ReceiptVerificationReport {
        var report = ReceiptVerificationReport.empty()
        func failed(_ kind: ReceiptVerificationReport.FailureKind, line: Int?, _ message: String) -> ReceiptVerificationReport {
            report.status = .failed
            report.failure = .init(kind: kind, line: line, message: message)
            return report
        }

        // Step 1: three lines.
        let (lines, terminated) = JSONLinesFile.split(bytes)
        guard !bytes.isEmpty, terminated, lines.count >= 3 else {
            return failed(.malformedReceipt, line: nil, "a receipt is three lines (header, checkpoint, entry), each ending in a newline")
        }
        guard lines.count == 3 else { return failed(.unexpectedLine, line: 4, "a receipt has three lines and no other") }

        // Step 2: the header.
        let decoder = JSONDecoder()
        guard let header = try? decoder.decode(ReceiptHeader.self, from: Data(lines[0])),
              JSONLinesFile.isExactly(lines[0], header.canonicalLine), header.type == "header"
        else { return failed(.malformedHeader, line: 1, "line 1 is not a canonical receipt header" + JSONLinesFile.crHint(lines[0])) }
        guard header.format == ReceiptHeader.format, header.version == ReceiptHeader.version else {
            return failed(.unsupportedFormat, line: 1, "unsupported format (this verifier reads \(ReceiptHeader.format) version \(ReceiptHeader.version))")
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
                let hint = header.key == key.identifier ? "" : " (the receipt names key \(header.key))"
                return failed(.checkpointSignature, line: 2, failure.message + hint)
            }
        }
        report.origin = checkpoint.origin
        report.treeSize = checkpoint.size
        report.root = checkpoint.root.base64

        // Step 4: the header against the key and the checkpoint.
        guard header.key == key.identifier else {
            return failed(.headerMismatch, line: 1, "the header names key \(header.key), not \(key.identifier)")
        }
        guard header.origin == checkpoint.origin, header.treeSize == checkpoint.size, header.root == checkpoint.root.base64 else {
            return failed(.headerMismatch, line: 1, "the header's origin, tree size or root differ from the checkpoint")
        }
        guard header.leafIndex < checkpoint.size else {
            return failed(.headerMismatch, line: 1, "leaf index \(header.leafIndex) is outside the tree of size \(checkpoint.size)")
        }
        report.leafIndex = header.leafIndex

        // Step 5: the entry and its inclusion proof.
        let entry: AuditEntry
        switch ProvenLine.check(lines[2], decoded: ProvenLine.decode(lines[2]), type: BundleLines.entryType,
                                expectedSequence: header.leafIndex + 1, checkpoint: checkpoint) {
        case let .success(proven): entry = proven
        case let .failure(.malformed(message)): return failed(.malformedEntry, line: 3, message)
        case let .failure(.sequence(found)):
            return failed(.leafIndexMismatch, line: 3, "the entry is sequence \(found), not leaf index \(header.leafIndex) + 1")
        case let .failure(.leafIndex(index)):
            return failed(.leafIndexMismatch, line: 3, "the line's leaf index \(index) is not the header's \(header.leafIndex)")
        case let .failure(.proof(message)): return failed(.inclusionProof, line: 3, message)
        }

        // Step 6: the receipt statement, naming this entry.
        let statement = ReceiptStatement(checkpoint: checkpoint, leafIndex: header.leafIndex, leafHash: entry.leafHash)
        guard let blob = Base64.decode(header.signature), key.isValid(signatureBlob: blob, for: Array(statement.text.utf8)) else {
            return failed(.receiptSignature, line: 1, "the receipt statement signature does not verify")
        }
        report.entry = entry
        report.status = .verified
        return report
    }
}
