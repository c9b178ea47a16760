import Foundation
import Testing
@testable import ParleyAudit

/// The rules parley-audit-format(5) states for every file: notes carry
/// exactly the log's signature, the origin is the key's name, valid names,
/// key files, the header key's hex case, the bounds of integers.
@Suite struct FormatRulesTests {
    @Test func aCheckpointNoteMustCarryExactlyTheLogsSignature() throws {
        let signer = try Fixture.signer()
        let witness = try Fixture.signer(seedByte: 5, name: "witness.example")
        let note = try Checkpoint(origin: Fixture.origin, size: 3, root: MerkleHash.emptyRoot).signed(by: signer)
        let body = try SignedNote(parsing: note).text
        let cosignature = "— witness.example " + (try witness.signatureBlob(for: body)) + "\n"
        #expect(try Checkpoint(signedNote: note, verifierKey: signer.verifierKey).size == 3)
        // The plain signed-note reading ignores the witness; this format does not.
        #expect(try SignedNote(parsing: note + cosignature).verifiedText(with: signer.verifierKey) == body)
        #expect(throws: AuditError.self) { try Checkpoint(signedNote: note + cosignature, verifierKey: signer.verifierKey) }
        let witnessFirst = body + "\n" + cosignature + String(note.dropFirst(body.utf8.count + 1))
        #expect(throws: AuditError.self) { try Checkpoint(signedNote: witnessFirst, verifierKey: signer.verifierKey) }
        let twice = note + String(note.dropFirst(body.utf8.count + 1))
        #expect(throws: AuditError.self) { try Checkpoint(signedNote: twice, verifierKey: signer.verifierKey) }
    }

    @Test func aBundleWhoseNoteGainedACosignatureIsRefused() throws {
        let (bundle, signer) = try AuditBundleTests.smallBundle()
        var lines = AuditBundleTests.lines(bundle.bytes)
        let witness = try Fixture.signer(seedByte: 5, name: "witness.example")
        let line = String(decoding: lines[1], as: UTF8.self)
        let note = try JSONDecoder().decode(BundleLines.CheckpointLine.self, from: Data(lines[1])).note
        let cosigned = note + "— witness.example " + (try witness.signatureBlob(for: SignedNote(parsing: note).text)) + "\n"
        lines[1] = BundleLines.CheckpointLine(type: "checkpoint", note: cosigned).canonicalLine
        #expect(String(decoding: lines[1], as: UTF8.self) != line)
        let report = AuditBundleVerifier.verify(bundleBytes: AuditBundleTests.join(lines), verifierKey: signer.verifierKey)
        #expect(report.failure?.kind == .checkpointSignature)
        #expect(report.failure?.line == 2)
    }

    @Test func theCheckpointOriginMustBeTheKeysName() throws {
        let signer = try Fixture.signer()
        let note = try signer.signNote(text: "someone.else/audit\n0\n\(MerkleHash.emptyRoot.base64)\n")
        #expect(throws: AuditError.originMismatch("the checkpoint's origin is not the name of the key \(signer.verifierKey.identifier)")) {
            try Checkpoint(signedNote: note, verifierKey: signer.verifierKey)
        }
        // In a bundle the verifier reports it as such, at line 2.
        let (bundle, _) = try AuditBundleTests.smallBundle()
        var lines = AuditBundleTests.lines(bundle.bytes)
        lines[1] = BundleLines.CheckpointLine(type: "checkpoint", note: note).canonicalLine
        let report = AuditBundleVerifier.verify(bundleBytes: AuditBundleTests.join(lines), verifierKey: signer.verifierKey)
        #expect(report.failure?.kind == .originMismatch)
        #expect(report.failure?.line == 2)
    }

    @Test func validNamesRefuseEveryWhiteSpaceCodePointAndAllowOtherCharacters() throws {
        let key = try Fixture.signer().verifierKey.publicKey
        let whiteSpace: [UInt32] = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680] + Array(0x2000...0x200A)
            + [0x2028, 0x2029, 0x202F, 0x205F, 0x3000]
        #expect(whiteSpace.count == 25)
        for value in whiteSpace {
            let name = "bank" + String(Character(Unicode.Scalar(value)!)) + "audit"
            #expect(throws: AuditError.invalidKeyName, "U+\(String(value, radix: 16))") { try NoteVerifierKey(name: name, publicKey: key) }
        }
        for value: UInt32 in [0x00, 0x1F, 0x7F, 0x9F, 0x2B] {
            let name = "bank" + String(Character(Unicode.Scalar(value)!)) + "audit"
            #expect(throws: AuditError.invalidKeyName) { try NoteVerifierKey(name: name, publicKey: key) }
        }
        for name in ["bänk.example/audit", "銀行/audit", "zero\u{200B}width", "a", "x/y:z=1@2", "\u{A1}"] {
            let parsed = try NoteVerifierKey(parsing: NoteVerifierKey(name: name, publicKey: key).description)
            #expect(parsed.name == name)
        }
    }

    @Test func keyFilesHoldTheKeyAndAtMostOneLineEnd() throws {
        let key = try Fixture.signer().verifierKey
        let text = key.description
        for accepted in [text, text + "\n", text + "\r\n"] {
            #expect(try NoteVerifierKey(keyFile: Array(accepted.utf8)) == key, "\(accepted.debugDescription)")
        }
        for refused in [text + "\r", text + "\n\n", text + " \n", " " + text, text + "\t", "\u{FEFF}" + text, text + "\n" + text,
                        text + "\r\n\r\n", "", "\n", String(text.dropLast()) + "\n"] {
            #expect(throws: AuditError.self, "\(refused.debugDescription)") { try NoteVerifierKey(keyFile: Array(refused.utf8)) }
        }
        #expect(throws: AuditError.self) { try NoteVerifierKey(keyFile: [0xFF] + Array(text.utf8)) }
    }

    @Test func theHeaderKeyIsLowercaseHex() throws {
        let (bundle, signer) = try AuditBundleTests.smallBundle()
        let identifier = signer.verifierKey.identifier
        let upper = Fixture.origin + "+" + identifier.dropFirst(Fixture.origin.count + 1).uppercased()
        #expect(upper != identifier)
        let text = String(decoding: bundle.bytes, as: UTF8.self).replacingOccurrences(of: identifier, with: upper)
        let report = AuditBundleVerifier.verify(bundleBytes: Array(text.utf8), verifierKey: signer.verifierKey)
        #expect(report.failure?.kind == .headerMismatch)
        #expect(throws: AuditError.self) {
            try NoteVerifierKey(parsing: upper + "+" + signer.verifierKey.description.split(separator: "+", maxSplits: 2)[2])
        }
    }

    @Test func integersBeyondSixtyFourBitsAreRefused() throws {
        let (bundle, signer) = try AuditBundleTests.smallBundle()
        let text = String(decoding: bundle.bytes, as: UTF8.self)
        for (from, to) in [(#""tree_size":6"#, #""tree_size":18446744073709551616"#), (#""first_seq":3"#, #""first_seq":-3"#),
                           (#""last_seq":5"#, #""last_seq":5.0"#), (#""first_seq":3"#, #""first_seq":3e0"#)] {
            let changed = text.replacingOccurrences(of: from, with: to)
            #expect(changed != text)
            let report = AuditBundleVerifier.verify(bundleBytes: Array(changed.utf8), verifierKey: signer.verifierKey)
            #expect(report.failure?.kind == .malformedHeader, "\(to)")
        }
        let proof = text.replacingOccurrences(of: #""leaf_index":2,"#, with: #""leaf_index":18446744073709551618,"#)
        #expect(AuditBundleVerifier.verify(bundleBytes: Array(proof.utf8), verifierKey: signer.verifierKey).failure?.kind == .malformedEntry)
    }

    @Test func entryMembersAreInTheDocumentedOrderTargetBeforeOutcome() throws {
        let entry = try Fixture.entry(3)
        let members = ["\"seq\"", "\"time\"", "\"actor\"", "\"role\"", "\"action\"", "\"target\"", "\"outcome\"", "\"details\""]
        let json = entry.canonicalJSON
        let positions = members.map { json.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        let page = try String(contentsOf: Self.manPage, encoding: .utf8)
        let entrySection = try #require(page.range(of: ".SS Entry (lines 3 on)"))
        let rest = page[entrySection.upperBound...]
        let target = try #require(rest.range(of: ".B target"))
        let outcome = try #require(rest.range(of: ".B outcome"))
        #expect(target.lowerBound < outcome.lowerBound)
    }

    static let manPage = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("man/parley-audit-format.5")

    @Test func everyFailureKindIsNamedOnTheManPage() throws {
        let page = try String(contentsOf: Self.manPage, encoding: .utf8).replacingOccurrences(of: "\\-", with: "-")
        let bundleKinds: [VerificationReport.FailureKind] = [
            .malformedBundle, .malformedHeader, .unsupportedFormat, .malformedCheckpoint, .checkpointSignature, .originMismatch,
            .headerSignature, .headerMismatch, .malformedEntry, .missingEntry, .misplacedEntry, .duplicateEntry,
            .leafIndexMismatch, .inclusionProof, .unexpectedLine, .neighbourTime,
        ]
        let receiptKinds: [ReceiptVerificationReport.FailureKind] = [
            .malformedReceipt, .unexpectedLine, .malformedHeader, .unsupportedFormat, .malformedCheckpoint, .checkpointSignature,
            .originMismatch, .headerMismatch, .malformedEntry, .leafIndexMismatch, .inclusionProof, .receiptSignature,
        ]
        let consistencyKinds: [ConsistencyVerificationReport.FailureKind] = [
            .malformedFile, .malformedProof, .malformedCheckpoint, .checkpointSignature, .originMismatch, .sizeMismatch, .consistencyProof,
        ]
        let reports = try #require(page.range(of: ".SH REPORTS"))
        let steps = page[..<reports.lowerBound], lists = page[reports.upperBound...]
        for kind in bundleKinds.map(\.rawValue) + receiptKinds.map(\.rawValue) + consistencyKinds.map(\.rawValue) {
            // Named in brackets at the step that raises it, and in the REPORTS lists.
            #expect(steps.contains(kind + "]") || steps.contains(kind + ",") || steps.contains(kind + ";") || steps.contains(kind + " when"),
                    "\(kind) is named at no step")
            #expect(lists.contains(kind), "\(kind) is not in REPORTS")
        }
    }
}
