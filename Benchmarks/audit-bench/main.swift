import Foundation
import ParleyAudit
import ParleyCrypto
import ParleyStore

// audit-bench: throughput of the audit core, each figure beside a baseline
// measured in the same run (raw SHA-256 of the same bytes), so the numbers
// read as ratios whatever the machine.
//
//   swift build -c release -j 1 && .build/release/audit-bench [tree size] [export size]
//
// Defaults: a tree of 1,000,000 entries and an export of 10,000 of them.

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let treeSize = arguments.first ?? 1_000_000
let exportSize = min(arguments.dropFirst().first ?? 10_000, treeSize)
let sampleSize = min(100_000, treeSize)

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let clock = ContinuousClock()
    let start = clock.now
    let value = try body()
    return (value, seconds(clock.now - start))
}

func rate(_ count: Int, _ time: Double) -> String {
    let perSecond = Double(count) / time
    return perSecond >= 1e6 ? String(format: "%.2f M/s", perSecond / 1e6) : String(format: "%.0f k/s", perSecond / 1e3)
}

func row(_ label: String, _ count: Int, _ time: Double, baseline: Double? = nil) {
    var line = label.padding(toLength: 58, withPad: " ", startingAt: 0)
        + String(format: "%9.3f s  ", time) + rate(count, time).padding(toLength: 12, withPad: " ", startingAt: 0)
    if let baseline { line += String(format: "  %.2fx the baseline time", time / baseline) }
    print(line)
}

/// A realistic entry: token actor, target, two details.
func entry(_ sequence: UInt64) throws -> AuditEntry {
    let actions = ["conversation.read", "handoff.claim", "model.train", "key.rotate", "auth.failed", "conversation.reply"]
    return try AuditEntry(
        sequence: sequence,
        time: AuditTime(millisecondsSince1970: 1_735_689_600_000 + sequence * 250),
        actor: .token(id: "01HXZ3K8Q6V9\(sequence % 977)"),
        role: .agent,
        action: actions[Int(sequence % 6)],
        target: AuditTarget(kind: "conversation", id: "c-\(sequence * 7919 % 1_000_003)"),
        outcome: sequence % 17 == 0 ? .denied : .success,
        details: ["queue": "billing", "model.version": "2025.06.\(sequence % 31)"]
    )
}

print("audit-bench: tree of \(treeSize) entries, export of \(exportSize), append sample of \(sampleSize)")
print(String(repeating: "-", count: 110))

// 1. Appends: canonical encoding + leaf hash + frontier append.
let (sample, constructTime) = try measure { try (1...UInt64(sampleSize)).map(entry) }
let (encoded, encodeTime) = measure { sample.map(\.canonicalBytes) }
let averageBytes = encoded.reduce(0) { $0 + $1.count } / encoded.count
let (_, shaTime) = measure { encoded.map { SHA256.hash($0) } }
print("appends (entries of \(averageBytes) canonical bytes on average)")
row("  baseline: SHA-256 of the canonical bytes", sampleSize, shaTime)
row("  entry construction with validation (not in the append)", sampleSize, constructTime)
row("  canonical encoding only", sampleSize, encodeTime, baseline: shaTime)
var frontier = MerkleFrontier()
let (_, appendTime) = measure {
    for entry in sample { frontier.append(leafHash: MerkleHash.leaf(entry.canonicalBytes)) }
}
row("  encode + leaf hash + frontier append", sampleSize, appendTime, baseline: shaTime)
var rootsFrontier = MerkleFrontier()
var lastRoot = MerkleHash.emptyRoot
let (_, appendRootTime) = measure {
    for entry in sample {
        rootsFrontier.append(leafHash: entry.leafHash)
        lastRoot = rootsFrontier.root
    }
}
row("  same + a new root after every append", sampleSize, appendRootTime, baseline: shaTime)
var fullTree = MerkleTree()
let (_, treeAppendTime) = measure {
    for entry in sample { fullTree.append(leafHash: entry.leafHash) }
}
row("  encode + leaf hash + MerkleTree append (all levels)", sampleSize, treeAppendTime, baseline: shaTime)
precondition(fullTree.root == frontier.root && lastRoot == frontier.root, "frontier and tree disagree")

// 2. Export: proofs for `exportSize` entries out of `treeSize`.
print(String(repeating: "-", count: 110))
let exportStart = UInt64(treeSize / 2 - exportSize / 2 + 1)
let exportRange = exportStart...(exportStart + UInt64(exportSize) - 1)
let exportEntries = try exportRange.map(entry)
let (leafHashes, leafTime) = measure {
    (1...UInt64(treeSize)).map { sequence -> MerkleHash in
        if exportRange.contains(sequence) { return exportEntries[Int(sequence - exportStart)].leafHash }
        return withUnsafeBytes(of: sequence.bigEndian) { MerkleHash.leaf($0) }
    }
}
let (tree, buildTime) = measure { MerkleTree(leafHashes: leafHashes) }
print("export of \(exportSize) entries (sequence \(exportRange.lowerBound)…\(exportRange.upperBound)) from a tree of \(treeSize)")
row("  baseline: \(treeSize) leaf hashes of 8 bytes", treeSize, leafTime)
row("  MerkleTree from \(treeSize) stored leaf hashes (once)", treeSize, buildTime, baseline: leafTime)
let size = UInt64(treeSize)
let (proofHashes, proofTime) = try measure {
    try exportRange.reduce(0) { sum, sequence in
        sum + (try tree.inclusionProof(leafIndex: sequence - 1, treeSize: size)).hashes.count
    }
}
row("  \(exportSize) inclusion proofs (\(proofHashes / exportSize) hashes each)", exportSize, proofTime)
print(String(format: "  a naive proof recomputes the tree: ~%.0f s for %d proofs (%d x the tree build)",
             buildTime * Double(exportSize), exportSize, exportSize))
let signer = try NoteSigner(
    name: "parley.example.bank/audit",
    signingKey: Ed25519.SigningKey(seed: SymmetricKey(copying: [UInt8](repeating: 7, count: 32)))
)
let note = try Checkpoint(origin: signer.name, size: size, root: tree.root).signed(by: signer)
let (bundle, bundleTime) = try measure {
    try AuditBundle.make(
        entries: exportEntries, tree: tree, checkpointNote: note, signer: signer,
        periodFrom: exportEntries[0].time, periodTo: AuditTime(millisecondsSince1970: exportEntries.last!.time.millisecondsSince1970 + 1)
    )
}
row("  AuditBundle.make (proofs + JSON, \(bundle.bytes.count / 1024) KiB)", exportSize, bundleTime)

// 3. Verification of that bundle.
print(String(repeating: "-", count: 110))
print("verification of the \(exportSize)-entry bundle (\(bundle.bytes.count / 1024) KiB)")
let (_, bundleShaTime) = measure { SHA256.hash(bundle.bytes) }
row("  baseline: SHA-256 of the whole bundle", exportSize, bundleShaTime)
let (report, verifyTime) = measure { AuditBundleVerifier.verify(bundleBytes: bundle.bytes, verifierKey: signer.verifierKey) }
precondition(report.isVerified, report.summary)
row("  AuditBundleVerifier.verify", exportSize, verifyTime, baseline: bundleShaTime)
let proofCheck = try exportRange.map { try tree.inclusionProof(leafIndex: $0 - 1, treeSize: size) }
let (_, proofVerifyTime) = try measure {
    for (offset, proof) in proofCheck.enumerated() {
        try proof.verify(leafHash: exportEntries[offset].leafHash, root: tree.root)
    }
}
row("  of which: inclusion proof checks alone", exportSize, proofVerifyTime, baseline: bundleShaTime)
print(String(format: "  verify: %.1f MiB/s of bundle", Double(bundle.bytes.count) / verifyTime / 1_048_576))

// 4. One entry receipt (what an erasure hands out): made from the built tree, then verified.
print(String(repeating: "-", count: 110))
let receiptEntry = try AuditEntry(
    sequence: exportRange.lowerBound, time: exportEntries[0].time, actor: .osUser("dpo"), role: .admin, action: "erasure.complete",
    target: AuditTarget(kind: "erasure", id: "er_5eed0042"), outcome: .success,
    details: try AuditDetailList.details("subjects", (0..<40).map { "sub_" + String(format: "%024x", $0) })
        .merging(["request_id": "DSR-1", "erased.turns": "1000", "held.hold_ids": "", "models": ""]) { $1 }
)
var receiptLeaves = leafHashes
receiptLeaves[Int(receiptEntry.sequence - 1)] = receiptEntry.leafHash
let receiptTree = MerkleTree(leafHashes: receiptLeaves)
let receiptNote = try Checkpoint(origin: signer.name, size: size, root: receiptTree.root).signed(by: signer)
let rounds = 1_000
let (receipts, receiptTime) = try measure {
    try (0..<rounds).map { _ in try AuditReceipt.make(entry: receiptEntry, tree: receiptTree, checkpointNote: receiptNote, signer: signer) }
}
let receiptBytes = Array(receipts[0].text.utf8)
print("receipt of one entry in a tree of \(treeSize) (\(receiptBytes.count) bytes; from the store it also needs the tree build above)")
let (_, receiptShaTime) = measure { for _ in 0..<rounds { _ = SHA256.hash(receiptBytes) } }
row("  baseline: SHA-256 of the receipt, \(rounds) times", rounds, receiptShaTime)
row("  AuditReceipt.make from the built tree, \(rounds) times", rounds, receiptTime, baseline: receiptShaTime)
let (receiptReports, receiptVerifyTime) = measure {
    (0..<rounds).map { _ in AuditReceipt.verify(bytes: receiptBytes, verifierKey: signer.verifierKey) }
}
precondition(receiptReports.allSatisfy(\.isVerified), "the receipt does not verify")
row("  AuditReceipt.verify, \(rounds) times", rounds, receiptVerifyTime, baseline: receiptShaTime)

// Persisted appends: through the store (encrypted database, WAL), as the server writes them.
print(String(repeating: "-", count: 110))
let persistedCount = 20_000
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("audit-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
let keys = try KeyHierarchy(master: .random())
let store = try Store(location: .directory(directory), keys: keys)
let trail = try AuditTrail(store: store, signingSeed: keys.auditSigningSeed, origin: "bench.parley/audit")
let events = (0..<persistedCount).map { index in
    AuditEvent(actor: .system, role: .system, action: "bench.append", details: ["n": String(index)])
}
print("persisted appends of \(persistedCount) entries (encrypted database, WAL)")
for batch in [1_000, 100, 1] {
    let count = batch == 1 ? 2_000 : persistedCount
    let start = ContinuousClock.now
    for offset in stride(from: 0, to: count, by: batch) {
        try await store.appendAudit(trail.appends(Array(events[offset..<min(offset + batch, count)])))
    }
    row("  \(batch) per transaction", count, seconds(ContinuousClock.now - start))
}
let (_, checkpointTime) = try await measureAsync { try await trail.checkpoint() }
row("  signed checkpoint over the stored log", 1, checkpointTime)
let (_, storedReceiptTime) = try await measureAsync { try await trail.receipt(forSequence: UInt64(persistedCount / 2)) }
row("  AuditTrail.receipt (checkpoint, leaves, tree, proof)", 1, storedReceiptTime, baseline: checkpointTime)
let (_, storedLeavesTime) = try await measureAsync { try await store.auditLeafHashes(count: UInt64(persistedCount)) }
row("  of which: reading the \(persistedCount) stored leaf hashes", persistedCount, storedLeavesTime, baseline: checkpointTime)
try store.close()

func measureAsync<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
    let start = ContinuousClock.now
    let value = try await body()
    return (value, seconds(ContinuousClock.now - start))
}
