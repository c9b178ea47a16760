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
