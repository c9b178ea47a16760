import Foundation
import ParleyCrypto
import ParleyStore
import Synchronization
import Testing
@testable import ParleyAudit

/// Empty bundles (parley-audit-format(5), "Empty bundle"): a period without
/// entries is exported as a signed bundle that proves its two neighbours
/// adjacent and on either side of it.
@Suite struct EmptyBundleTests {
    /// Entry `sequence` of the synthetic log is dated 2025-01-01T00:00 + `sequence` minutes (+ a few ms).
    static func minute(_ sequence: UInt64) throws -> AuditTime {
        try AuditTime(millisecondsSince1970: 1_735_689_600_000 + sequence * 60_000)
    }

    /// The empty bundle of a period between entries `last` and `last + 1` of a log of `size`.
    static func between(_ last: UInt64, size: UInt64 = 30) throws -> (bundle: AuditBundle, signer: NoteSigner) {
        let signer = try Fixture.signer()
        let log = try Fixture.log(size: size, signer: signer)
        let bundle = try AuditBundle.makeEmpty(
            predecessor: last >= 1 ? log.entries[Int(last) - 1] : nil,
            successor: last < size ? log.entries[Int(last)] : nil,
            tree: log.tree, checkpointNote: log.note, signer: signer,
            periodFrom: minute(last).adding(milliseconds: 10_000), periodTo: minute(last + 1)
        )
        return (bundle, signer)
    }

    @Test func anEmptyPeriodBetweenTwoEntriesVerifies() throws {
        let (bundle, signer) = try Self.between(12)
        let report = AuditBundleVerifier.verify(bundleBytes: bundle.bytes, verifierKey: signer.verifierKey)
        #expect(report.isVerified, "\(report.summary)")
        #expect(report.empty == true)
        #expect(report.firstSequence == 13 && report.lastSequence == 12 && report.entriesVerified == 0)
        #expect(report.summary.hasPrefix("VERIFIED empty bundle: no entry of parley.example.bank/audit"))
        #expect(report.summary.contains("after entry 12 and before entry 13"))
        #expect(bundle.statement.isEmpty && bundle.statement.sequences == nil && bundle.entries.isEmpty)
        #expect(bundle.statement.text.hasPrefix("parley-audit-export-empty/v1\n"))
        let lines = AuditBundleTests.lines(bundle.bytes).map { String(decoding: $0, as: UTF8.self) }
        #expect(lines.count == 4)
        #expect(lines[2].hasPrefix(#"{"type":"neighbour","leaf_index":11,"entry":{"seq":12,"#))
        #expect(lines[3].hasPrefix(#"{"type":"neighbour","leaf_index":12,"entry":{"seq":13,"#))
    }

    @Test func periodsBeforeTheFirstAndAfterTheLastEntryHaveOneNeighbour() throws {
        let (before, signer) = try Self.between(0)
        let early = AuditBundleVerifier.verify(bundleBytes: before.bytes, verifierKey: signer.verifierKey)
        #expect(early.isVerified, "\(early.summary)")
        #expect(early.firstSequence == 1 && early.lastSequence == 0)
        #expect(AuditBundleTests.lines(before.bytes).count == 3)
        let (after, _) = try Self.between(30)
        let late = AuditBundleVerifier.verify(bundleBytes: after.bytes, verifierKey: signer.verifierKey)
        #expect(late.isVerified, "\(late.summary)")
        #expect(late.firstSequence == 31 && late.lastSequence == 30)
        #expect(AuditBundleTests.lines(after.bytes).count == 3)
    }

    @Test func theEmptyLogHasAnEmptyBundleWithNoNeighbour() throws {
        let signer = try Fixture.signer()
        let note = try Checkpoint(origin: Fixture.origin, size: 0, root: MerkleHash.emptyRoot).signed(by: signer)
        let bundle = try AuditBundle.makeEmpty(
            predecessor: nil, successor: nil, tree: MerkleTree(), checkpointNote: note, signer: signer,
            periodFrom: Fixture.time("2026-11-01T00:00:00.000Z"), periodTo: Fixture.time("2026-12-01T00:00:00.000Z")
        )
        #expect(AuditBundleTests.lines(bundle.bytes).count == 2)
        let report = AuditBundleVerifier.verify(bundleBytes: bundle.bytes, verifierKey: signer.verifierKey)
        #expect(report.isVerified, "\(report.summary)")
        #expect(report.treeSize == 0 && report.firstSequence == 1 && report.lastSequence == 0)
    }

    /// Every byte of an empty bundle, changed three ways, is refused.
    @Test func everySingleByteChangeOfAnEmptyBundleIsRejected() throws {
        let (bundle, signer) = try Self.between(12)
        var accepted = [Int]()
        var kinds = Set<VerificationReport.FailureKind>()
        for index in bundle.bytes.indices {
            for mask: UInt8 in [0x01, 0x20, 0x80] {
                var changed = bundle.bytes
                changed[index] ^= mask
                let report = AuditBundleVerifier.verify(bundleBytes: changed, verifierKey: signer.verifierKey)
                if report.isVerified { accepted.append(index) }
                if let kind = report.failure?.kind { kinds.insert(kind) }
            }
        }
        #expect(accepted.isEmpty, "changes at \(accepted.prefix(10)) verified")
        #expect(kinds.isSuperset(of: [.malformedHeader, .headerSignature, .checkpointSignature, .malformedEntry, .inclusionProof]), "\(kinds)")
    }

    @Test func droppedAddedOrSwappedNeighboursFail() throws {
        let (bundle, signer) = try Self.between(12)
        let lines = AuditBundleTests.lines(bundle.bytes)
        func failure(_ lines: [[UInt8]]) -> VerificationReport.Failure? {
            AuditBundleVerifier.verify(bundleBytes: AuditBundleTests.join(lines), verifierKey: signer.verifierKey).failure
        }
        #expect(failure(Array(lines.prefix(3)))?.kind == .missingEntry)
        #expect(failure(Array(lines.prefix(3)))?.sequence == 13)
        #expect(failure(Array(lines.prefix(2)))?.sequence == 12)
        #expect(failure(lines + [lines[3]])?.kind == .unexpectedLine)
        #expect(failure([lines[0], lines[1], lines[3], lines[2]])?.kind == .misplacedEntry)
        let asEntry = String(decoding: lines[2], as: UTF8.self).replacingOccurrences(of: #""type":"neighbour""#, with: #""type":"entry""#)
        #expect(failure([lines[0], lines[1], Array(asEntry.utf8), lines[3]])?.kind == .malformedEntry)
    }

    /// A key holder who signs an empty bundle over a period that holds an
    /// entry is caught by the neighbours' times, the only check left.
    @Test func neighboursDatedInsideThePeriodFailAsNeighbourTime() throws {
        let signer = try Fixture.signer()
        let log = try Fixture.log(size: 30, signer: signer)
        let checkpoint = try Checkpoint(signedNote: log.note, verifierKey: signer.verifierKey)
        func forged(last: UInt64, from: AuditTime, to: AuditTime) throws -> VerificationReport {
            let statement = try ExportStatement(checkpoint: checkpoint, firstSequence: last + 1, lastSequence: last, periodFrom: from, periodTo: to)
            let header = BundleLines.Header(
                type: "header", format: BundleLines.format, version: 1, origin: Fixture.origin, key: signer.verifierKey.identifier,
                periodFrom: from.rfc3339, periodTo: to.rfc3339, firstSeq: last + 1, lastSeq: last, treeSize: 30,
                root: checkpoint.root.base64, signature: try signer.signatureBlob(for: statement.text)
            )
            var bytes = header.canonicalLine + [0x0A] + BundleLines.CheckpointLine(type: "checkpoint", note: log.note).canonicalLine + [0x0A]
            for sequence in [last, last + 1] where sequence >= 1 && sequence <= 30 {
                bytes += try AuditBundle.line("neighbour", log.entries[Int(sequence) - 1], tree: log.tree, treeSize: 30)
            }
            return AuditBundleVerifier.verify(bundleBytes: bytes, verifierKey: signer.verifierKey)
        }
        // Entry 13 lies in [minute 12 + 10 s, minute 14): the successor is inside the period.
        let hidesOne = try forged(last: 12, from: Self.minute(12).adding(milliseconds: 10_000), to: Self.minute(14))
        #expect(hidesOne.failure?.kind == .neighbourTime)
        #expect(hidesOne.failure?.sequence == 13 && hidesOne.failure?.line == 4)
        // Entry 12 lies in [minute 11 + 10 s, minute 13): the predecessor is inside it.
        let hidesPredecessor = try forged(last: 12, from: Self.minute(11).adding(milliseconds: 10_000), to: Self.minute(13))
        #expect(hidesPredecessor.failure?.kind == .neighbourTime)
        #expect(hidesPredecessor.failure?.sequence == 12 && hidesPredecessor.failure?.line == 3)
        #expect(try forged(last: 12, from: Self.minute(12).adding(milliseconds: 10_000), to: Self.minute(13)).isVerified)
    }

    @Test func headerRangesOfEmptyBundlesAreBounded() throws {
        let signer = try Fixture.signer()
        let log = try Fixture.log(size: 5, signer: signer)
        let checkpoint = try Checkpoint(signedNote: log.note, verifierKey: signer.verifierKey)
        let from = try Fixture.time("2030-01-01T00:00:00.000Z"), to = try Fixture.time("2030-02-01T00:00:00.000Z")
        #expect(throws: AuditError.self) { try ExportStatement(checkpoint: checkpoint, firstSequence: 7, lastSequence: 6, periodFrom: from, periodTo: to) }
        #expect(throws: AuditError.self) { try ExportStatement(checkpoint: checkpoint, firstSequence: 0, lastSequence: 0, periodFrom: from, periodTo: to) }
        #expect(throws: AuditError.self) { try ExportStatement(checkpoint: checkpoint, firstSequence: 4, lastSequence: 2, periodFrom: from, periodTo: to) }
        #expect(try ExportStatement(checkpoint: checkpoint, firstSequence: 6, lastSequence: 5, periodFrom: from, periodTo: to).isEmpty)
        #expect(throws: AuditError.self) {
            try AuditBundle.makeEmpty(predecessor: log.entries[2], successor: nil, tree: log.tree, checkpointNote: log.note,
                                      signer: signer, periodFrom: from, periodTo: to)
        }
        #expect(throws: AuditError.self) {
            try AuditBundle.makeEmpty(predecessor: log.entries[4], successor: nil, tree: log.tree, checkpointNote: log.note,
                                      signer: signer, periodFrom: Fixture.time("2025-01-01T00:00:00.000Z"), periodTo: to)
        }
        #expect(try AuditBundle.makeEmpty(predecessor: log.entries[4], successor: nil, tree: log.tree, checkpointNote: log.note,
                                          signer: signer, periodFrom: from, periodTo: to).statement.firstSequence == 6)
    }

    // MARK: - Exports from a stored log

    /// A log whose entries are dated by `clock` readings, one per append.
    static func trail(times: [UInt64]) async throws -> AuditTrail {
        let store = try Store(location: .inMemory, keys: KeyHierarchy(master: .random()))
        let readings = Readings(times.map { Date(timeIntervalSince1970: Double($0) / 1000) })
        let trail = try AuditTrail(store: store, signingSeed: .random(), origin: "bank.example/audit", clock: { readings.next() })
        for index in times.indices {
            try await trail.record(AuditEvent(actor: .system, role: .system, action: "test.entry", details: ["n": String(index + 1)]))
        }
        return trail
    }

    @Test func exportingAnEmptyPeriodGivesTheEmptyBundleAndItVerifies() async throws {
        let trail = try await Self.trail(times: (1...40).map { UInt64($0) * 3_600_000 })
        let bundle = try await trail.export(from: AuditTime(millisecondsSince1970: 10 * 3_600_000 + 1), to: AuditTime(millisecondsSince1970: 11 * 3_600_000))
        #expect(bundle.statement.isEmpty)
        #expect(bundle.statement.lastSequence == 10 && bundle.statement.firstSequence == 11)
        #expect(AuditBundleVerifier.verify(bundleBytes: bundle.bytes, verifierKey: trail.verifierKey).isVerified)

        let before = try await trail.export(from: AuditTime(millisecondsSince1970: 0), to: AuditTime(millisecondsSince1970: 3_600_000))
        #expect(before.statement.firstSequence == 1 && before.statement.lastSequence == 0)
        #expect(AuditBundleVerifier.verify(bundleBytes: before.bytes, verifierKey: trail.verifierKey).isVerified)
        let after = try await trail.export(from: AuditTime(millisecondsSince1970: 41 * 3_600_000), to: AuditTime(millisecondsSince1970: 50 * 3_600_000))
        #expect(after.statement.lastSequence == 40 && after.statement.firstSequence == 41)
        #expect(AuditBundleVerifier.verify(bundleBytes: after.bytes, verifierKey: trail.verifierKey).isVerified)
        let instant = try await trail.export(from: AuditTime(millisecondsSince1970: 5 * 3_600_000), to: AuditTime(millisecondsSince1970: 5 * 3_600_000))
        #expect(instant.statement.isEmpty && instant.statement.firstSequence == 5)
        #expect(AuditBundleVerifier.verify(bundleBytes: instant.bytes, verifierKey: trail.verifierKey).isVerified)
    }

    @Test func thePeriodExcludesItsEnd() async throws {
        let trail = try await Self.trail(times: [1000, 2000, 3000])
        let bundle = try await trail.export(from: AuditTime(millisecondsSince1970: 1000), to: AuditTime(millisecondsSince1970: 3000))
        #expect(bundle.entries.map(\.sequence) == [1, 2])
        let report = AuditBundleVerifier.verify(bundleBytes: bundle.bytes, verifierKey: trail.verifierKey)
        #expect(report.isVerified && report.warnings.isEmpty, "\(report.summary)")
    }

    /// A clock set back leaves no single place for the gap; the export still
    /// finds adjacent neighbours on either side and proves them.
    @Test func aClockSetBackStillGivesAVerifiableEmptyBundle() async throws {
        let times: [UInt64] = [1000, 2000, 9000, 3000, 4000, 9500, 5000, 10_000, 11_000]
        let trail = try await Self.trail(times: times)
        let bundle = try await trail.export(from: AuditTime(millisecondsSince1970: 6000), to: AuditTime(millisecondsSince1970: 8000))
        #expect(bundle.statement.isEmpty)
        let report = AuditBundleVerifier.verify(bundleBytes: bundle.bytes, verifierKey: trail.verifierKey)
        #expect(report.isVerified, "\(report.summary)")
        let last = bundle.statement.lastSequence
        #expect(times[Int(last) - 1] < 6000 && times[Int(last)] >= 8000)
    }

    @Test func theGapOfALargeLogIsFoundAndProven() async throws {
        let times = (1...5000).map { UInt64($0) * 1000 + ($0 > 2500 ? 1_000_000 : 0) }
        let trail = try await Self.trail(times: times)
        let bundle = try await trail.export(from: AuditTime(millisecondsSince1970: 2_600_000), to: AuditTime(millisecondsSince1970: 3_000_000))
        #expect(bundle.statement.lastSequence == 2500 && bundle.statement.firstSequence == 2501)
        #expect(AuditBundleVerifier.verify(bundleBytes: bundle.bytes, verifierKey: trail.verifierKey).isVerified)
    }
}

/// Clock readings handed out in order, the last repeated.
final class Readings: Sendable {
    private let state: Mutex<(dates: [Date], index: Int)>

    init(_ dates: [Date]) { state = Mutex((dates, 0)) }

    func next() -> Date {
        state.withLock { state in
            let date = state.dates[min(state.index, state.dates.count - 1)]
            state.index += 1
            return date
        }
    }
}

extension AuditTime {
    func adding(milliseconds: UInt64) throws -> AuditTime {
        try AuditTime(millisecondsSince1970: millisecondsSince1970 + milliseconds)
    }
}
