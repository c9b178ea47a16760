import Foundation
import ParleyCrypto
import ParleyStore
import Testing
@testable import ParleyAudit

/// Entry receipts (parley-audit-format(5), ENTRY RECEIPTS): made from a log,
/// verified with the verifier key alone, and every change refused with the
/// failure kind of the step that catches it.
@Suite struct AuditReceiptTests {
    /// The receipt of a realistic erasure entry (40 subjects, so `subjects`
    /// continues in `subjects.2`) at sequence 700 of a log of 1000.
    static func erasureReceipt() throws -> (receipt: AuditReceipt, signer: NoteSigner) {
        let signer = try Fixture.signer()
        let log = try Fixture.logWithErasure(size: 1000, erasureAt: 700, subjectCount: 40, signer: signer)
        let receipt = try AuditReceipt.make(entry: log.erasure, tree: log.tree, checkpointNote: log.note, signer: signer)
        return (receipt, signer)
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func receiptVerifiesFromAFileWithThePublicKeyStringAlone() throws {
        let (receipt, signer) = try Self.erasureReceipt()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("receipt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("erasure-receipt.jsonl")
        try Data(receipt.text.utf8).write(to: file)
        let key = try NoteVerifierKey(parsing: signer.verifierKey.description)

        let report = AuditReceipt.verify(bytes: Array(try Data(contentsOf: file)), verifierKey: key)
        #expect(report.isVerified, "\(report.summary)")
        #expect(report.entry == receipt.entry)
        #expect(report.leafIndex == 699 && report.treeSize == 1000 && report.origin == Fixture.origin)
        #expect(report.key == signer.verifierKey.identifier)
        #expect(Self.lines(receipt.text).count == 3)
        #expect(receipt.text.hasPrefix(#"{"type":"header","format":"parley-audit-receipt","version":1,"origin":"parley.example.bank/audit","key":"parley.example.bank/audit+1645de2f","leaf_index":699,"tree_size":1000,"root":""#))
        let summary = report.summary
        #expect(summary.hasPrefix("VERIFIED receipt for entry 700 of parley.example.bank/audit"))
        for line in ["action: erasure.complete", "target: erasure er_5eed0042", "outcome: success", "  erased.turns: 1000",
                     "  held.hold_ids: hold_7f3a", "  subjects.2: "] {
            #expect(summary.contains(line), "summary lacks \(line)")
        }
        let json = try JSONEncoder().encode(report)
        #expect(try JSONDecoder().decode(ReceiptVerificationReport.self, from: json) == report)
    }

    @Test func theErasureEntrysListsContinueAndReadBackWhole() throws {
        let entry = try Fixture.erasureEntry(sequence: 1, subjectCount: 40)
        let subjects = try #require(AuditDetailList.items("subjects", in: entry.details))
        #expect(subjects.count == 40)
        #expect(subjects.first == "sub_000000000000000000a11ce0")
        #expect(entry.details["subjects.2"] != nil && entry.details["subjects.3"] == nil)
        #expect(entry.details.values.allSatisfy { $0.utf8.count <= 1024 })
        #expect(AuditDetailList.items("keys_destroyed", in: entry.details)?.count == 40)
        #expect(AuditDetailList.items("models", in: entry.details) == ["2026.01.3", "2026.02.1"])
    }

    /// Every byte of a real receipt, changed three ways, is refused; each
    /// refusal names the line the byte is on (or the file, when a newline
    /// was changed) with a kind that line's checks can raise.
    @Test func everySingleByteChangeOfAReceiptIsRejectedWithItsLinesReason() throws {
        let (receipt, signer) = try Self.erasureReceipt()
        let bytes = Array(receipt.text.utf8)
        var lineOfByte = [Int]()
        var line = 1
        for byte in bytes {
            lineOfByte.append(line)
            if byte == 0x0A { line += 1 }
        }
        let kindsOfLine: [Int: Set<ReceiptVerificationReport.FailureKind>] = [
            1: [.malformedHeader, .unsupportedFormat, .headerMismatch, .receiptSignature],
            2: [.malformedCheckpoint, .checkpointSignature, .originMismatch],
            3: [.malformedEntry, .leafIndexMismatch, .inclusionProof],
        ]
        var accepted = [Int]()
        var unexplained = [String]()
        var seen = [ReceiptVerificationReport.FailureKind: Int]()
        for index in bytes.indices {
            for mask: UInt8 in [0x01, 0x20, 0x80] {
                var changed = bytes
                changed[index] ^= mask
                let report = AuditReceipt.verify(bytes: changed, verifierKey: signer.verifierKey)
                guard let failure = report.failure, !report.isVerified else { accepted.append(index); continue }
                seen[failure.kind, default: 0] += 1
                let fileLevel: Set<ReceiptVerificationReport.FailureKind> = [.malformedReceipt, .unexpectedLine]
                // The header's leaf index is checked against the entry, on line 3.
                let headerLeafIndex = lineOfByte[index] == 1 && failure.kind == .leafIndexMismatch && failure.line == 3
                let explained = bytes[index] == 0x0A
                    ? fileLevel.contains(failure.kind) || failure.line == lineOfByte[index]
                    : headerLeafIndex || failure.line == lineOfByte[index] && kindsOfLine[lineOfByte[index]]?.contains(failure.kind) == true
                if !explained { unexplained.append("byte \(index) ^ \(mask): \(failure.kind.rawValue) at \(failure.line ?? 0)") }
            }
        }
        #expect(bytes.count > 3000, "a receipt of this size: \(bytes.count) bytes")
        #expect(accepted.isEmpty, "changes at \(accepted.prefix(10)) verified")
        #expect(unexplained.isEmpty, "\(unexplained.prefix(10))")
        for kind in [ReceiptVerificationReport.FailureKind.malformedHeader, .receiptSignature, .malformedCheckpoint,
                     .checkpointSignature, .malformedEntry, .inclusionProof, .malformedReceipt] {
            #expect(seen[kind, default: 0] > 0, "no change was refused as \(kind.rawValue): \(seen)")
        }
    }

    @Test func aWrongKeyIsRejectedAtTheCheckpoint() throws {
        let (receipt, signer) = try Self.erasureReceipt()
        for other in [try Fixture.signer(seedByte: 99), try Fixture.signer(name: "other.example/audit")] {
            let report = AuditReceipt.verify(receipt.text, verifierKey: other.verifierKey)
            #expect(report.failure?.kind == .checkpointSignature)
            #expect(report.failure?.line == 2)
            #expect(report.entry == nil)
        }
        #expect(AuditReceipt.verify(receipt.text, verifierKey: signer.verifierKey).isVerified)
    }

    @Test func aTrailMakesReceiptsForItsEntriesAndRefusesOthers() async throws {
        let store = try Store(location: .inMemory, keys: KeyHierarchy(master: .random()))
        let trail = try AuditTrail(store: store, signingSeed: .random(), origin: "bank.example/audit")
        for index in 1...50 {
            try await trail.record(AuditEvent(actor: .system, role: .system, action: "test.entry", details: ["n": String(index)]))
        }
        let receipt = try await trail.receipt(forSequence: 17)
        #expect(receipt.entry.sequence == 17 && receipt.entry.details["n"] == "17")
        #expect(receipt.treeSize == 50)
        let report = AuditReceipt.verify(receipt.text, verifierKey: trail.verifierKey)
        #expect(report.isVerified, "\(report.summary)")
        #expect(report.entry == receipt.entry)
        let last = try await trail.receipt(forSequence: 50)
        #expect(AuditReceipt.verify(last.text, verifierKey: trail.verifierKey).isVerified)
        for missing: UInt64 in [0, 51] {
            await #expect(throws: AuditError.noSuchEntry(sequence: missing, logSize: 50)) {
                try await trail.receipt(forSequence: missing)
            }
        }
    }

    @Test func aReceiptOfTheOnlyEntryHasAnEmptyProofAndVerifies() throws {
        let signer = try Fixture.signer()
        let log = try Fixture.logWithErasure(size: 1, erasureAt: 1, signer: signer)
        let receipt = try AuditReceipt.make(entry: log.erasure, tree: log.tree, checkpointNote: log.note, signer: signer)
        #expect(receipt.text.hasSuffix(#","proof":[]}"# + "\n"))
        #expect(AuditReceipt.verify(receipt.text, verifierKey: signer.verifierKey).isVerified)
    }

    @Test func makeRefusesAnEntryThatIsNotTheTreesLeaf() throws {
        let signer = try Fixture.signer()
        let log = try Fixture.logWithErasure(size: 10, erasureAt: 4, signer: signer)
        #expect(throws: AuditError.self) {
            try AuditReceipt.make(entry: Fixture.entry(4), tree: log.tree, checkpointNote: log.note, signer: signer)
        }
        #expect(throws: AuditError.noSuchEntry(sequence: 11, logSize: 10)) {
            try AuditReceipt.make(entry: Fixture.erasureEntry(sequence: 11), tree: log.tree, checkpointNote: log.note, signer: signer)
        }
        let other = try Fixture.signer(seedByte: 3)
        #expect(throws: AuditError.self) {
            try AuditReceipt.make(entry: log.erasure, tree: log.tree, checkpointNote: log.note, signer: other)
        }
    }

    @Test func fileShapeFailuresHaveTheirKinds() throws {
        let (receipt, signer) = try Self.erasureReceipt()
        let lines = Self.lines(receipt.text)
        func kind(_ text: String) -> ReceiptVerificationReport.FailureKind? {
            AuditReceipt.verify(text, verifierKey: signer.verifierKey).failure?.kind
        }
        #expect(kind("") == .malformedReceipt)
        #expect(kind(String(receipt.text.dropLast())) == .malformedReceipt)
        #expect(kind(lines[0] + "\n" + lines[1] + "\n") == .malformedReceipt)
        #expect(kind(receipt.text + lines[2] + "\n") == .unexpectedLine)
        #expect(kind(receipt.text + "\n") == .unexpectedLine)
        #expect(kind(lines.map { $0 + "\r\n" }.joined()) == .malformedHeader)
        #expect(kind(receipt.text.replacingOccurrences(of: "parley-audit-receipt", with: "parley-audit-bundle")) == .unsupportedFormat)
        #expect(kind(receipt.text.replacingOccurrences(of: #""version":1"#, with: #""version":2"#)) == .unsupportedFormat)
        #expect(kind(receipt.text.replacingOccurrences(of: #""leaf_index":699,"tree"#, with: #""leaf_index": 699,"tree"#)) == .malformedHeader)
    }

    // MARK: - Receipts signed by the right key but inconsistent inside

    /// A receipt from its parts, its statement signed by `signer` over what
    /// the header says: each check must catch what the signature cannot.
    static func forge(
        signer: NoteSigner, note: String, leafIndex: UInt64, treeSize: UInt64, root: String,
        key: String? = nil, origin: String = Fixture.origin, line: BundleLines.EntryLine, statementLeafHash: MerkleHash? = nil
    ) throws -> String {
        let checkpoint = try Checkpoint(body: SignedNote(parsing: note).text)
        let statement = ReceiptStatement(checkpoint: checkpoint, leafIndex: leafIndex, leafHash: statementLeafHash ?? line.entry.leafHash)
        let header = ReceiptHeader(
            type: "header", format: ReceiptHeader.format, version: 1, origin: origin, key: key ?? signer.verifierKey.identifier,
            leafIndex: leafIndex, treeSize: treeSize, root: root, signature: try signer.signatureBlob(for: statement.text)
        )
        return String(decoding: header.canonicalLine, as: UTF8.self) + "\n"
            + String(decoding: BundleLines.CheckpointLine(type: "checkpoint", note: note).canonicalLine, as: UTF8.self) + "\n"
            + String(decoding: line.canonicalLine, as: UTF8.self) + "\n"
    }

    @Test func consistentlySignedButWrongReceiptsFailAtTheirStep() throws {
        let signer = try Fixture.signer()
        let log = try Fixture.logWithErasure(size: 20, erasureAt: 9, signer: signer)
        let root = log.tree.root.base64
        let proof = try log.tree.inclusionProof(leafIndex: 8, treeSize: 20).hashes.map(\.base64)
        let good = BundleLines.EntryLine(type: "entry", leafIndex: 8, entry: log.erasure, proof: proof)
        func kind(_ text: String) -> ReceiptVerificationReport.FailureKind? {
            AuditReceipt.verify(text, verifierKey: signer.verifierKey).failure?.kind
        }
        #expect(kind(try Self.forge(signer: signer, note: log.note, leafIndex: 8, treeSize: 20, root: root, line: good)) == nil)
        // Header against the key and checkpoint (step 4).
        let upper = signer.verifierKey.identifier.uppercased().replacingOccurrences(of: "PARLEY.EXAMPLE.BANK/AUDIT", with: Fixture.origin)
        #expect(kind(try Self.forge(signer: signer, note: log.note, leafIndex: 8, treeSize: 20, root: root, key: upper, line: good)) == .headerMismatch)
        #expect(kind(try Self.forge(signer: signer, note: log.note, leafIndex: 8, treeSize: 21, root: root, line: good)) == .headerMismatch)
        #expect(kind(try Self.forge(signer: signer, note: log.note, leafIndex: 8, treeSize: 20, root: MerkleHash.emptyRoot.base64, line: good)) == .headerMismatch)
        #expect(kind(try Self.forge(signer: signer, note: log.note, leafIndex: 20, treeSize: 20, root: root, line: good)) == .headerMismatch)
        // The entry (step 5).
        #expect(kind(try Self.forge(signer: signer, note: log.note, leafIndex: 7, treeSize: 20, root: root, line: good)) == .leafIndexMismatch)
        let wrongIndex = BundleLines.EntryLine(type: "entry", leafIndex: 7, entry: log.erasure, proof: proof)
        #expect(kind(try Self.forge(signer: signer, note: log.note, leafIndex: 8, treeSize: 20, root: root, line: wrongIndex)) == .leafIndexMismatch)
        let neighbour = BundleLines.EntryLine(type: "neighbour", leafIndex: 8, entry: log.erasure, proof: proof)
        #expect(kind(try Self.forge(signer: signer, note: log.note, leafIndex: 8, treeSize: 20, root: root, line: neighbour)) == .malformedEntry)
        let otherEntry = BundleLines.EntryLine(type: "entry", leafIndex: 8, entry: try Fixture.entry(9), proof: proof)
        #expect(kind(try Self.forge(signer: signer, note: log.note, leafIndex: 8, treeSize: 20, root: root, line: otherEntry)) == .inclusionProof)
        let shortProof = BundleLines.EntryLine(type: "entry", leafIndex: 8, entry: log.erasure, proof: Array(proof.dropLast()))
        #expect(kind(try Self.forge(signer: signer, note: log.note, leafIndex: 8, treeSize: 20, root: root, line: shortProof)) == .inclusionProof)
        // The statement names another entry (step 6).
        let forOther = try Self.forge(signer: signer, note: log.note, leafIndex: 8, treeSize: 20, root: root, line: good,
                                      statementLeafHash: Fixture.entry(9).leafHash)
        #expect(kind(forOther) == .receiptSignature)
    }

    @Test func aCosignedOrForeignOriginCheckpointIsRefused() throws {
        let signer = try Fixture.signer()
        let log = try Fixture.logWithErasure(size: 20, erasureAt: 9, signer: signer)
        let receipt = try AuditReceipt.make(entry: log.erasure, tree: log.tree, checkpointNote: log.note, signer: signer)
        // A witness cosignature appended to the note: outside the guarantee, so refused.
        let witness = try Fixture.signer(seedByte: 5, name: "witness.example")
        let body = try SignedNote(parsing: log.note).text
        let cosignature = "— witness.example " + (try witness.signatureBlob(for: body)) + "\n"
        let cosigned = log.note + cosignature
        let text = receipt.text.replacingOccurrences(
            of: log.note.replacingOccurrences(of: "\n", with: "\\n"),
            with: cosigned.replacingOccurrences(of: "\n", with: "\\n")
        )
        #expect(text != receipt.text)
        #expect(AuditReceipt.verify(text, verifierKey: signer.verifierKey).failure?.kind == .checkpointSignature)
        #expect(AuditReceipt.verify(text, verifierKey: witness.verifierKey).failure?.kind == .checkpointSignature)

        // A checkpoint whose origin is not the key's name, signed by that key.
        let foreign = try signer.signNote(text: "another.example/audit\n20\n\(log.tree.root.base64)\n")
        let proof = try log.tree.inclusionProof(leafIndex: 8, treeSize: 20).hashes.map(\.base64)
        let forged = try Self.forge(
            signer: signer, note: foreign, leafIndex: 8, treeSize: 20, root: log.tree.root.base64, origin: "another.example/audit",
            line: BundleLines.EntryLine(type: "entry", leafIndex: 8, entry: log.erasure, proof: proof)
        )
        let report = AuditReceipt.verify(forged, verifierKey: signer.verifierKey)
        #expect(report.failure?.kind == .originMismatch)
        #expect(report.failure?.line == 2)
    }

    @Test func arbitraryBytesNeverVerifyNorTrap() throws {
        let (receipt, signer) = try Self.erasureReceipt()
        var generator = SystemRandomNumberGenerator()
        let bytes = Array(receipt.text.utf8)
        var inputs: [[UInt8]] = [[], [0x0A], [0x0A, 0x0A, 0x0A], Array("{}\n{}\n{}\n".utf8), [0xFF, 0x0A, 0xFE, 0x0A, 0x0A]]
        for cut in stride(from: 0, to: bytes.count, by: 53) { inputs.append(Array(bytes.prefix(cut))) }
        for _ in 0..<200 {
            inputs.append((0..<Int.random(in: 0...900, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
        let lines = Self.lines(receipt.text)
        for _ in 0..<100 {
            inputs.append(Array((lines.shuffled(using: &generator).joined(separator: "\n") + "\n").utf8))
        }
        for input in inputs where input != bytes {
            #expect(!AuditReceipt.verify(bytes: input, verifierKey: signer.verifierKey).isVerified)
        }
    }
}
