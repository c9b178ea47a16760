import Foundation
import Testing
@testable import ParleyAudit

/// Runs Fixtures/verify_bundle.py, a verifier written in Python from
/// parley-audit-format(5) alone, on bundles made here: the documentation is
/// sufficient when it accepts them and rejects tampered ones. Skipped where
/// python3 with the `cryptography` package is not installed.
@Suite(.enabled(if: PythonEnvironment.isAvailable, "needs python3 with the cryptography package"))
struct PythonVerifierTests {
    static let script = ExampleBundleTests.fixtures.appendingPathComponent("verify_bundle.py").path

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try PythonEnvironment.run(arguments)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parley-py-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        return url
    }

    @Test func independentVerifierAcceptsSwiftBundleAndRejectsTamperedOne() throws {
        let signer = try Fixture.signer()
        let log = try Fixture.log(size: 100, signer: signer)
        let bundle = try AuditBundle.make(
            entries: Array(log.entries[36...56]), tree: log.tree, checkpointNote: log.note, signer: signer,
            periodFrom: Fixture.time("2025-01-01T00:37:00.000Z"), periodTo: Fixture.time("2025-01-01T00:58:00.000Z")
        )
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.jsonl")
        try Data(bundle.bytes).write(to: good)
        let key = signer.verifierKey.description

        let accepted = try Self.run([Self.script, "bundle", good.path, key])
        #expect(accepted.status == 0, "\(accepted.output)")
        #expect(accepted.output.hasPrefix("VERIFIED 21 entries (sequence 37..57)"))

        var text = String(decoding: bundle.bytes, as: UTF8.self)
        text = text.replacingOccurrences(of: #""seq":40,"time":"2025-01-01T00:40:00.040Z","actor":"token:01HX40""#,
                                         with: #""seq":40,"time":"2025-01-01T00:40:00.040Z","actor":"token:01HX41""#)
        #expect(text.utf8.count == bundle.bytes.count)
        let tampered = directory.appendingPathComponent("tampered.jsonl")
        try Data(text.utf8).write(to: tampered)
        let rejected = try Self.run([Self.script, "bundle", tampered.path, key])
        #expect(rejected.status == 1)
        #expect(rejected.output.hasPrefix("FAILED at line 6, sequence 40"), "\(rejected.output)")
        #expect(!AuditBundleVerifier.verify(bundleBytes: Array(text.utf8), verifierKey: signer.verifierKey).isVerified)

        let wrongKey = try Self.run([Self.script, "bundle", good.path, Fixture.signer(seedByte: 8).verifierKey.description])
        #expect(wrongKey.status == 1)
    }

    @Test func independentVerifierAcceptsTheGoldenExample() throws {
        let directory = ExampleBundleTests.fixtures
        let result = try Self.run([Self.script, "bundle", directory.appendingPathComponent("example-bundle.jsonl").path,
                                   directory.appendingPathComponent("example-key.txt").path])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func independentVerifierChecksConsistencyProofs() throws {
        let signer = try Fixture.signer()
        let (old, new, proof) = try ConsistencyTests.checkpoints(signer: signer)
        let forged = try ConsistencyTests.checkpoints(signer: signer, rewrite: true)
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ name: String, _ text: String) throws -> String {
            let url = directory.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url.path
        }
        let key = signer.verifierKey.description
        let good = try Self.run([Self.script, "consistency", write("old.note", old), write("new.note", new),
                                 write("proof.json", proof.documentText), key])
        #expect(good.status == 0, "\(good.output)")
        let bad = try Self.run([Self.script, "consistency", write("old2.note", old), write("forged.note", forged.new),
                                write("forged.json", forged.proof.documentText), key])
        #expect(bad.status == 1, "\(bad.output)")
    }
}

/// The same for the parts of the page that came with entry receipts and
/// empty bundles: Fixtures/verify_receipt.py and verify_bundle.py's empty
/// bundle and consistency-file modes.
@Suite(.enabled(if: PythonEnvironment.isAvailable, "needs python3 with the cryptography package"))
struct PythonReceiptVerifierTests {
    static let receiptScript = ExampleBundleTests.fixtures.appendingPathComponent("verify_receipt.py").path

    func write(_ directory: URL, _ name: String, _ bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func independentVerifierAcceptsAnErasureReceiptAndRefusesEverySingleByteChange() throws {
        let (receipt, signer) = try AuditReceiptTests.erasureReceipt()
        let directory = try PythonVerifierTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try write(directory, "erasure-receipt.jsonl", Array(receipt.text.utf8))
        let key = try write(directory, "audit.key", Array((signer.verifierKey.description + "\n").utf8))

        let accepted = try PythonEnvironment.run([Self.receiptScript, file, key])
        #expect(accepted.status == 0, "\(accepted.output)")
        #expect(accepted.output.hasPrefix("VERIFIED receipt for entry 700 of parley.example.bank/audit in a checkpoint of size 1000"))
        for line in ["action: erasure.complete", "target: erasure er_5eed0042", "  subjects (40): sub_000000000000000000a11ce0,",
                     "  keys_destroyed (40): ", "  held.hold_ids (1): hold_7f3a", "  erased.turns: 1000"] {
            #expect(accepted.output.contains(line), "the Python verifier's output lacks \(line)")
        }
        let everyByte = try PythonEnvironment.run([Self.receiptScript, "--every-byte", file, key])
        #expect(everyByte.status == 0, "\(everyByte.output)")
        #expect(everyByte.output.hasPrefix("REFUSED all \(receipt.text.utf8.count) single-byte changes"))
        let wrongKey = try PythonEnvironment.run([Self.receiptScript, file, Fixture.signer(seedByte: 8).verifierKey.description])
        #expect(wrongKey.status == 1, "\(wrongKey.output)")
    }

    @Test func independentVerifierAcceptsTheGoldenReceiptAndEmptyBundle() throws {
        let fixtures = ExampleBundleTests.fixtures
        let key = fixtures.appendingPathComponent("example-key.txt").path
        let receipt = try PythonEnvironment.run([Self.receiptScript, fixtures.appendingPathComponent("example-receipt.jsonl").path, key])
        #expect(receipt.status == 0, "\(receipt.output)")
        let empty = try PythonEnvironment.run([PythonVerifierTests.script, "bundle", fixtures.appendingPathComponent("example-empty-bundle.jsonl").path, key])
        #expect(empty.status == 0, "\(empty.output)")
        #expect(empty.output.hasPrefix("VERIFIED empty bundle"))
    }

    @Test func independentVerifierAcceptsEmptyBundlesAndRefusesForgedOnes() throws {
        let directory = try PythonVerifierTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for last: UInt64 in [0, 12, 30] {
            let (bundle, signer) = try EmptyBundleTests.between(last)
            let file = try write(directory, "empty-\(last).jsonl", bundle.bytes)
            let result = try PythonEnvironment.run([PythonVerifierTests.script, "bundle", file, signer.verifierKey.description])
            #expect(result.status == 0, "\(last): \(result.output)")
            #expect(result.output.hasPrefix("VERIFIED empty bundle"), "\(result.output)")
            var lines = AuditBundleTests.lines(bundle.bytes)
            lines.removeLast()
            let dropped = try write(directory, "dropped-\(last).jsonl", AuditBundleTests.join(lines))
            #expect(try PythonEnvironment.run([PythonVerifierTests.script, "bundle", dropped, signer.verifierKey.description]).status == 1)
        }
        // Neighbours inside the period, signed by the key: only the times give it away.
        let signer = try Fixture.signer()
        let log = try Fixture.log(size: 30, signer: signer)
        let checkpoint = try Checkpoint(signedNote: log.note, verifierKey: signer.verifierKey)
        let from = try EmptyBundleTests.minute(12).adding(milliseconds: 10_000), to = try EmptyBundleTests.minute(14)
        let statement = try ExportStatement(checkpoint: checkpoint, firstSequence: 13, lastSequence: 12, periodFrom: from, periodTo: to)
        let header = BundleLines.Header(
            type: "header", format: BundleLines.format, version: 1, origin: Fixture.origin, key: signer.verifierKey.identifier,
            periodFrom: from.rfc3339, periodTo: to.rfc3339, firstSeq: 13, lastSeq: 12, treeSize: 30,
            root: checkpoint.root.base64, signature: try signer.signatureBlob(for: statement.text)
        )
        var bytes = header.canonicalLine + [0x0A] + BundleLines.CheckpointLine(type: "checkpoint", note: log.note).canonicalLine + [0x0A]
        for sequence in [12, 13] {
            bytes += try AuditBundle.line("neighbour", log.entries[sequence - 1], tree: log.tree, treeSize: 30)
        }
        let forged = try write(directory, "forged.jsonl", bytes)
        let result = try PythonEnvironment.run([PythonVerifierTests.script, "bundle", forged, signer.verifierKey.description])
        #expect(result.status == 1)
        #expect(result.output.contains("line 4, sequence 13"), "\(result.output)")
    }

    @Test func independentVerifierRefusesCosignedNotesForeignOriginsAndLooseKeyFiles() throws {
        let directory = try PythonVerifierTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (bundle, signer) = try AuditBundleTests.smallBundle()
        var lines = AuditBundleTests.lines(bundle.bytes)
        let note = try JSONDecoder().decode(BundleLines.CheckpointLine.self, from: Data(lines[1])).note
        let witness = try Fixture.signer(seedByte: 5, name: "witness.example")
        let cosigned = note + "— witness.example " + (try witness.signatureBlob(for: SignedNote(parsing: note).text)) + "\n"
        lines[1] = BundleLines.CheckpointLine(type: "checkpoint", note: cosigned).canonicalLine
        let file = try write(directory, "cosigned.jsonl", AuditBundleTests.join(lines))
        #expect(try PythonEnvironment.run([PythonVerifierTests.script, "bundle", file, signer.verifierKey.description]).status == 1)
        lines[1] = BundleLines.CheckpointLine(type: "checkpoint", note: try signer.signNote(text: "someone.else/audit\n6\n\(MerkleHash.emptyRoot.base64)\n")).canonicalLine
        let foreign = try write(directory, "foreign.jsonl", AuditBundleTests.join(lines))
        #expect(try PythonEnvironment.run([PythonVerifierTests.script, "bundle", foreign, signer.verifierKey.description]).status == 1)

        let good = try write(directory, "good.jsonl", bundle.bytes)
        let key = signer.verifierKey.description
        for (name, content, status) in [("lf.key", key + "\n", 0), ("crlf.key", key + "\r\n", 0), ("bare.key", key, 0),
                                        ("space.key", key + " \n", 2), ("two.key", key + "\n\n", 2), ("bom.key", "\u{FEFF}" + key, 2)] {
            let keyFile = try write(directory, name, Array(content.utf8))
            let result = try PythonEnvironment.run([PythonVerifierTests.script, "bundle", good, keyFile])
            #expect(result.status == Int32(status), "\(name): \(result.output)")
        }
    }

    @Test func independentVerifierChecksConsistencyFiles() throws {
        let signer = try Fixture.signer()
        let directory = try PythonVerifierTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (old, file) = try ConsistencyFileTests.file(signer: signer)
        let oldPath = try write(directory, "old.note", old)
        let filePath = try write(directory, "consistency.txt", file)
        let key = signer.verifierKey.description
        let good = try PythonEnvironment.run([PythonVerifierTests.script, "consistency-file", oldPath, filePath, key])
        #expect(good.status == 0, "\(good.output)")
        let forged = try ConsistencyTests.checkpoints(signer: signer, rewrite: true)
        let forgedPath = try write(directory, "forged.txt", Array(ConsistencyFile.text(proof: forged.proof, newCheckpointNote: forged.new).utf8))
        #expect(try PythonEnvironment.run([PythonVerifierTests.script, "consistency-file", oldPath, forgedPath, key]).status == 1)
    }
}

enum PythonEnvironment {
    static let isAvailable: Bool = (try? run(["-c", "import cryptography"]).status) == 0

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
