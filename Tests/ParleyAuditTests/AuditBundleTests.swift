import Foundation
import Testing
@testable import ParleyAudit

@Suite struct AuditBundleTests {
    /// Entries 3…5 of a log of 7, proven against a checkpoint at size 6.
    static func smallBundle() throws -> (bundle: AuditBundle, signer: NoteSigner) {
        let signer = try Fixture.signer()
        let entries = try Fixture.entries(1...7)
        var tree = MerkleTree()
        for entry in entries.prefix(6) { tree.append(leafHash: entry.leafHash) }
        let note = try Checkpoint(origin: Fixture.origin, size: 6, root: tree.root).signed(by: signer)
        tree.append(leafHash: entries[6].leafHash)
        let bundle = try AuditBundle.make(
            entries: Array(entries[2...4]), tree: tree, checkpointNote: note, signer: signer,
            periodFrom: Fixture.time("2025-01-01T00:03:00.000Z"), periodTo: Fixture.time("2025-01-01T00:06:00.000Z")
        )
        return (bundle, signer)
    }

    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map(Array.init)
    }

    static func join(_ lines: [[UInt8]]) -> [UInt8] {
        lines.flatMap { $0 + [0x0A] }
    }

    @Test func exportedBundleVerifies() throws {
        let (bundle, signer) = try Self.smallBundle()
        let report = AuditBundleVerifier.verify(bundleBytes: bundle.bytes, verifierKey: signer.verifierKey)
        #expect(report.isVerified, "\(report.summary)")
        #expect(report.entriesVerified == 3)
        #expect(report.firstSequence == 3 && report.lastSequence == 5 && report.treeSize == 6)
        #expect(report.warnings.isEmpty)
        #expect(report.summary.hasPrefix("VERIFIED 3 entries (sequence 3…5)"))
        #expect(Self.lines(bundle.bytes).count == 5)
    }

    @Test func bundleFromLeafHashesEqualsBundleFromTree() throws {
        let signer = try Fixture.signer()
        let log = try Fixture.log(size: 9, signer: signer)
        let from = try Fixture.time("2025-01-01T00:00:00.000Z"), to = try Fixture.time("2025-01-02T00:00:00.000Z")
        let viaTree = try AuditBundle.make(entries: Array(log.entries[2...5]), tree: log.tree, checkpointNote: log.note,
                                           signer: signer, periodFrom: from, periodTo: to)
        let viaLeaves = try AuditBundle.make(entries: Array(log.entries[2...5]), leafHashes: log.entries.map(\.leafHash),
                                             checkpointNote: log.note, signer: signer, periodFrom: from, periodTo: to)
        #expect(viaTree.bytes == viaLeaves.bytes)
    }

    @Test func everySingleByteFlipFailsAndEntryFlipsNameTheirSequence() throws {
        let (bundle, signer) = try Self.smallBundle()
        let bytes = bundle.bytes
        var lineOfByte = [Int]()
        var line = 1
        for byte in bytes {
            lineOfByte.append(line)
            if byte == 0x0A { line += 1 }
        }
        var verifiedCount = 0
        var unnamed = [Int]()
        for index in bytes.indices {
            for mask: UInt8 in [0x01, 0x20, 0x80] {
                var changed = bytes
                changed[index] ^= mask
                let report = AuditBundleVerifier.verify(bundleBytes: changed, verifierKey: signer.verifierKey)
                if report.isVerified { verifiedCount += 1; continue }
                let entryLine = lineOfByte[index]
                if entryLine >= 3 {
                    let sequence = UInt64(entryLine - 3 + 3)
                    if report.failure?.sequence != sequence || report.failure?.line != entryLine { unnamed.append(index) }
                }
            }
        }
        #expect(verifiedCount == 0)
        #expect(unnamed.isEmpty, "flips at \(unnamed.prefix(10)) did not name their entry")
    }

    @Test func droppedEntryFailsNamingTheGap() throws {
        let (bundle, signer) = try Self.smallBundle()
        var lines = Self.lines(bundle.bytes)
        lines.remove(at: 3)  // sequence 4
        let report = AuditBundleVerifier.verify(bundleBytes: Self.join(lines), verifierKey: signer.verifierKey)
        #expect(report.failure?.kind == .missingEntry)
        #expect(report.failure?.sequence == 4)
        #expect(report.failure?.foundSequence == 5)
        #expect(report.failure?.line == 4)
        #expect(report.entriesVerified == 1)
    }

    @Test func droppedLastEntryFailsNamingIt() throws {
        let (bundle, signer) = try Self.smallBundle()
        let lines = Self.lines(bundle.bytes)
        let report = AuditBundleVerifier.verify(bundleBytes: Self.join(Array(lines.dropLast())), verifierKey: signer.verifierKey)
        #expect(report.failure?.kind == .missingEntry)
        #expect(report.failure?.sequence == 5)
    }

    @Test func reorderedEntriesFailNamingTheFirstMisplaced() throws {
        let (bundle, signer) = try Self.smallBundle()
        var lines = Self.lines(bundle.bytes)
        lines.swapAt(2, 3)
        let report = AuditBundleVerifier.verify(bundleBytes: Self.join(lines), verifierKey: signer.verifierKey)
        #expect(report.failure?.kind == .misplacedEntry)
        #expect(report.failure?.sequence == 3)
        #expect(report.failure?.foundSequence == 4)
        #expect(report.failure?.line == 3)
        #expect(report.failure?.message.contains("line 4") == true)
    }

    @Test func duplicatedEntryFailsNamingTheDuplicate() throws {
        let (bundle, signer) = try Self.smallBundle()
        var lines = Self.lines(bundle.bytes)
        lines[3] = lines[2]
        let report = AuditBundleVerifier.verify(bundleBytes: Self.join(lines), verifierKey: signer.verifierKey)
        #expect(report.failure?.kind == .duplicateEntry)
        #expect(report.failure?.sequence == 4)
        #expect(report.failure?.foundSequence == 3)
    }

    @Test func appendedLineFails() throws {
        let (bundle, signer) = try Self.smallBundle()
        var lines = Self.lines(bundle.bytes)
        lines.append(lines[4])
        let report = AuditBundleVerifier.verify(bundleBytes: Self.join(lines), verifierKey: signer.verifierKey)
        #expect(report.failure?.kind == .unexpectedLine)
        #expect(report.failure?.line == 6)
    }

    @Test func wrongPublicKeyFails() throws {
        let (bundle, _) = try Self.smallBundle()
        let other = try Fixture.signer(seedByte: 99)
        let report = AuditBundleVerifier.verify(bundleBytes: bundle.bytes, verifierKey: other.verifierKey)
        #expect(report.failure?.kind == .checkpointSignature)
        #expect(report.failure?.line == 2)
        #expect(!report.isVerified)
    }

    @Test func bundleInFreshTemporaryDirectoryVerifiesWithKeyStringOnly() throws {
        let (bundle, signer) = try Self.smallBundle()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("audit-2025-01.jsonl")
        try Data(bundle.bytes).write(to: file)
        let keyString = signer.verifierKey.description
        let report = try AuditBundleVerifier.verify(bundleBytes: [UInt8](Data(contentsOf: file)), verifierKey: keyString)
        #expect(report.isVerified)
        let json = try JSONEncoder().encode(report)
        #expect(try JSONDecoder().decode(VerificationReport.self, from: json) == report)
    }

    @Test func entriesOutsideThePeriodAreWarnedNotFailed() throws {
        let signer = try Fixture.signer()
        let log = try Fixture.log(size: 4, signer: signer)
        let bundle = try AuditBundle.make(
            entries: Array(log.entries[1...2]), tree: log.tree, checkpointNote: log.note, signer: signer,
            periodFrom: Fixture.time("2025-01-01T00:03:00.000Z"), periodTo: Fixture.time("2025-01-02T00:00:00.000Z")
        )
        let report = AuditBundleVerifier.verify(bundleBytes: bundle.bytes, verifierKey: signer.verifierKey)
        #expect(report.isVerified)
        #expect(report.warnings.count == 1)
        #expect(report.warnings.first?.contains("sequence 2") == true)
    }

    @Test func arbitraryBytesNeverVerifyNorTrap() throws {
        let (bundle, signer) = try Self.smallBundle()
        var generator = SystemRandomNumberGenerator()
        var inputs: [[UInt8]] = [[], [0x0A], [0x0A, 0x0A], Array("{}\n{}\n".utf8), Array(bundle.bytes.prefix(1))]
        for cut in stride(from: 0, to: bundle.bytes.count, by: 37) { inputs.append(Array(bundle.bytes.prefix(cut))) }
        for _ in 0..<200 {
            inputs.append((0..<Int.random(in: 0...600, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
        let lines = Self.lines(bundle.bytes)
        for _ in 0..<200 {
            var mixed = lines
            mixed.shuffle(using: &generator)
            mixed[Int.random(in: 0..<mixed.count, using: &generator)] = lines[Int.random(in: 0..<lines.count, using: &generator)]
            inputs.append(Self.join(mixed))
        }
        for input in inputs where input != bundle.bytes {
            #expect(!AuditBundleVerifier.verify(bundleBytes: input, verifierKey: signer.verifierKey).isVerified)
        }
    }

    @Test func nonCanonicalButEquivalentJSONIsRejected() throws {
        let (bundle, signer) = try Self.smallBundle()
        var lines = Self.lines(bundle.bytes)
        let text = String(decoding: lines[2], as: UTF8.self)
        for variant in [
            text.replacingOccurrences(of: #""type":"entry","#, with: #""type": "entry","#),
            text.replacingOccurrences(of: #""seq":3,"#, with: #""seq":3,"seq":3,"#),
            text.replacingOccurrences(of: #""seq":3,"#, with: #""seq":3.0,"#),
            text.replacingOccurrences(of: "token", with: "\\u0074oken"),
            text + " ",
        ] {
            lines[2] = Array(variant.utf8)
            let report = AuditBundleVerifier.verify(bundleBytes: Self.join(lines), verifierKey: signer.verifierKey)
            #expect(report.failure?.kind == .malformedEntry, "\(variant)")
            #expect(report.failure?.sequence == 3)
        }
    }

    @Test func crlfLineEndsFailWithAHint() throws {
        let (bundle, signer) = try Self.smallBundle()
        let converted: [UInt8] = Self.lines(bundle.bytes).flatMap { $0 + [UInt8(0x0D), UInt8(0x0A)] }
        let report = AuditBundleVerifier.verify(bundleBytes: converted, verifierKey: signer.verifierKey)
        #expect(report.failure?.kind == .malformedHeader)
        #expect(report.failure?.message.contains("CR LF") == true)
    }

    @Test func makeRefusesInconsistentInput() throws {
        let signer = try Fixture.signer()
        let log = try Fixture.log(size: 5, signer: signer)
        let from = try Fixture.time("2025-01-01T00:00:00.000Z"), to = try Fixture.time("2025-02-01T00:00:00.000Z")
        func make(_ entries: [AuditEntry], tree: MerkleTree? = nil, note: String? = nil) throws {
            _ = try AuditBundle.make(entries: entries, tree: tree ?? log.tree, checkpointNote: note ?? log.note,
                                     signer: signer, periodFrom: from, periodTo: to)
        }
        #expect(throws: AuditError.self) { try make([]) }
        #expect(throws: AuditError.self) { try make([log.entries[0], log.entries[2]]) }
        #expect(throws: AuditError.self) { try make(Fixture.entries(5...6)) }
        let altered = try AuditEntry(sequence: 2, time: log.entries[1].time, actor: .system, role: .system,
                                     action: "server.start", outcome: .success)
        #expect(throws: AuditError.self) { try make([log.entries[0], altered]) }
        #expect(throws: AuditError.self) { try make(log.entries, tree: MerkleTree(leafHashes: log.entries.dropLast().map(\.leafHash))) }
        let foreign = try Checkpoint(origin: Fixture.origin, size: 5, root: log.tree.root).signed(by: Fixture.signer(seedByte: 3))
        #expect(throws: AuditError.self) { try make(log.entries, note: foreign) }
        #expect(throws: AuditError.self) {
            _ = try AuditBundle.make(entries: log.entries, tree: log.tree, checkpointNote: log.note, signer: signer,
                                     periodFrom: to, periodTo: from)
        }
    }
}
