import Foundation
import Testing
@testable import ParleyAudit

/// The examples of parley-audit-format(5), kept as golden files under
/// Fixtures/: signatures are deterministic (Ed25519), so any change to the
/// encoding, the JSON spelling or the proofs shows up here as a diff. Set
/// PARLEY_REGENERATE_FIXTURES=1 to rewrite them after a deliberate change.
@Suite struct ExampleBundleTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The example log: entry 1 is the worked example, entry 2 a server start a second later.
    static func log() throws -> (entries: [AuditEntry], tree: MerkleTree, note: String, signer: NoteSigner) {
        let signer = try Fixture.signer()
        let second = try AuditEntry(
            sequence: 2, time: AuditTime(rfc3339: "2025-01-01T00:00:01.000Z"), actor: .system, role: .system,
            action: "server.start", outcome: .success, details: ["version": "1.0.0"]
        )
        let entries = [try AuditEntryTests.workedExample(), second]
        let tree = MerkleTree(leafHashes: entries.map(\.leafHash))
        let note = try Checkpoint(origin: Fixture.origin, size: 2, root: tree.root).signed(by: signer)
        return (entries, tree, note, signer)
    }

    /// The log has 2 entries; the export is entry 1.
    static func make() throws -> (bundle: AuditBundle, key: String, checkpointNote: String) {
        let log = try log()
        let bundle = try AuditBundle.make(
            entries: [log.entries[0]], tree: log.tree, checkpointNote: log.note, signer: log.signer,
            periodFrom: AuditTime(rfc3339: "2025-01-01T00:00:00.000Z"), periodTo: AuditTime(rfc3339: "2025-01-02T00:00:00.000Z")
        )
        return (bundle, log.signer.verifierKey.description, log.note)
    }

    /// The empty period between the two entries: [00:00:00.500, 00:00:01.000).
    static func makeEmpty() throws -> AuditBundle {
        let log = try log()
        return try AuditBundle.makeEmpty(
            predecessor: log.entries[0], successor: log.entries[1], tree: log.tree, checkpointNote: log.note, signer: log.signer,
            periodFrom: AuditTime(rfc3339: "2025-01-01T00:00:00.500Z"), periodTo: AuditTime(rfc3339: "2025-01-01T00:00:01.000Z")
        )
    }

    /// The receipt of entry 2.
    static func makeReceipt() throws -> AuditReceipt {
        let log = try log()
        return try AuditReceipt.make(entry: log.entries[1], tree: log.tree, checkpointNote: log.note, signer: log.signer)
    }

    static func golden(_ name: String, _ bytes: [UInt8]) throws -> [UInt8] {
        let file = fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["PARLEY_REGENERATE_FIXTURES"] != nil {
            try Data(bytes).write(to: file)
        }
        return [UInt8](try Data(contentsOf: file))
    }

    @Test func exampleBundleIsByteForByteStable() throws {
        let (bundle, key, _) = try Self.make()
        #expect(try Self.golden("example-bundle.jsonl", bundle.bytes) == bundle.bytes)
        #expect(try Self.golden("example-key.txt", Array((key + "\n").utf8)) == Array((key + "\n").utf8))
        #expect(AuditBundleVerifier.verify(bundleBytes: bundle.bytes, verifierKey: try NoteVerifierKey(parsing: key)).isVerified)
    }

    @Test func exampleEmptyBundleAndReceiptAreByteForByteStable() throws {
        let key = try Fixture.signer().verifierKey
        let empty = try Self.makeEmpty()
        #expect(try Self.golden("example-empty-bundle.jsonl", empty.bytes) == empty.bytes)
        let report = AuditBundleVerifier.verify(bundleBytes: empty.bytes, verifierKey: key)
        #expect(report.isVerified && report.empty == true)
        let receipt = try Self.makeReceipt()
        #expect(try Self.golden("example-receipt.jsonl", Array(receipt.text.utf8)) == Array(receipt.text.utf8))
        #expect(AuditReceipt.verify(receipt.text, verifierKey: key).isVerified)
    }

    /// The page shows the examples broken after commas; joined back they are the golden files.
    @Test func theManPageShowsTheGoldenExamples() throws {
        let page = try String(contentsOf: FormatRulesTests.manPage, encoding: .utf8)
        for (name, marker) in [("example-bundle.jsonl", "the bundle exporting entry 1"), ("example-empty-bundle.jsonl", "The empty bundle of the period"),
                               ("example-receipt.jsonl", "and the file is")] {
            let golden = String(decoding: try Data(contentsOf: Self.fixtures.appendingPathComponent(name)), as: UTF8.self)
            let start = try #require(page.range(of: marker))
            let block = try #require(page[start.upperBound...].range(of: ".EX\n"))
            let end = try #require(page[block.upperBound...].range(of: ".EE\n"))
            let shown = page[block.upperBound..<end.lowerBound]
                .replacingOccurrences(of: "\n ", with: "").replacingOccurrences(of: "\\-", with: "-")
                .replacingOccurrences(of: "\\en", with: "\\n").replacingOccurrences(of: "\\(em", with: "—")
            #expect(shown == golden, "the page's \(marker) differs from \(name)")
        }
    }
}
