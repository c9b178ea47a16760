import Foundation
import Testing
@testable import ParleyAudit

/// The example of parley-audit-format(5), kept as golden files under
/// Fixtures/: signatures are deterministic (Ed25519), so any change to the
/// encoding, the JSON spelling or the proofs shows up here as a diff. Set
/// PARLEY_REGENERATE_FIXTURES=1 to rewrite them after a deliberate change.
@Suite struct ExampleBundleTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Entry 1 is the worked example; the log has 2 entries; the export is entry 1.
    static func make() throws -> (bundle: AuditBundle, key: String, checkpointNote: String) {
        let signer = try Fixture.signer()
        let second = try AuditEntry(
            sequence: 2, time: AuditTime(rfc3339: "2025-01-01T00:00:01.000Z"), actor: .system, role: .system,
            action: "server.start", outcome: .success, details: ["version": "1.0.0"]
        )
        let entries = [try AuditEntryTests.workedExample(), second]
        let tree = MerkleTree(leafHashes: entries.map(\.leafHash))
        let note = try Checkpoint(origin: Fixture.origin, size: 2, root: tree.root).signed(by: signer)
        let bundle = try AuditBundle.make(
            entries: [entries[0]], tree: tree, checkpointNote: note, signer: signer,
            periodFrom: AuditTime(rfc3339: "2025-01-01T00:00:00.000Z"), periodTo: AuditTime(rfc3339: "2025-01-02T00:00:00.000Z")
        )
        return (bundle, signer.verifierKey.description, note)
    }

    @Test func exampleBundleIsByteForByteStable() throws {
        let (bundle, key, _) = try Self.make()
        let bundleFile = Self.fixtures.appendingPathComponent("example-bundle.jsonl")
        let keyFile = Self.fixtures.appendingPathComponent("example-key.txt")
        if ProcessInfo.processInfo.environment["PARLEY_REGENERATE_FIXTURES"] != nil {
            try Data(bundle.bytes).write(to: bundleFile)
            try Data((key + "\n").utf8).write(to: keyFile)
        }
        #expect(try [UInt8](Data(contentsOf: bundleFile)) == bundle.bytes)
        #expect(try String(contentsOf: keyFile, encoding: .utf8) == key + "\n")
        #expect(AuditBundleVerifier.verify(bundleBytes: bundle.bytes, verifierKey: try NoteVerifierKey(parsing: key)).isVerified)
    }
}
