import ParleyAudit
import ParleyCrypto

/// An audit log at the sizes audit-bench uses: a tree of 1,000,000 entries, an
/// export of the 10,000 in its middle, and the receipt of one of them. Built
/// once per process (a global `let` is initialised lazily and once), outside
/// every measurement.
struct AuditFixture: Sendable {
    static let treeSize = 1_000_000
    static let exportSize = 10_000
    /// Distinct entries cycled through by the per-entry benchmarks.
    static let sampleSize = 4_096

    let sample: [AuditEntry]
    let sampleBytes: [[UInt8]]
    let tree: MerkleTree
    let exportEntries: [AuditEntry]
    let proofs: [InclusionProof]
    let signer: NoteSigner
    let bundleBytes: [UInt8]
    let receiptEntry: AuditEntry
    let receiptTree: MerkleTree
    let receiptNote: String
    let receiptBytes: [UInt8]

    init() throws {
        sample = try (1...UInt64(Self.sampleSize)).map(Self.entry)
        sampleBytes = sample.map(\.canonicalBytes)

        let exportStart = UInt64(Self.treeSize / 2 - Self.exportSize / 2 + 1)
        let exportRange = exportStart...(exportStart + UInt64(Self.exportSize) - 1)
        exportEntries = try exportRange.map(Self.entry)
        var leafHashes = (1...UInt64(Self.treeSize)).map { sequence in
            withUnsafeBytes(of: sequence.bigEndian) { MerkleHash.leaf($0) }
        }
        for entry in exportEntries { leafHashes[Int(entry.sequence - 1)] = entry.leafHash }
        let tree = MerkleTree(leafHashes: leafHashes)
        let size = UInt64(Self.treeSize)
        self.tree = tree
        proofs = try exportRange.map { sequence in try tree.inclusionProof(leafIndex: sequence - 1, treeSize: size) }

        signer = try NoteSigner(
            name: "parley.example.com/audit",
            signingKey: Ed25519.SigningKey(seed: SymmetricKey(copying: [UInt8](repeating: 7, count: 32)))
        )
        let note = try Checkpoint(origin: signer.name, size: size, root: tree.root).signed(by: signer)
        bundleBytes = try AuditBundle.make(
            entries: exportEntries, tree: tree, checkpointNote: note, signer: signer,
            periodFrom: exportEntries[0].time,
            periodTo: AuditTime(millisecondsSince1970: exportEntries[exportEntries.count - 1].time.millisecondsSince1970 + 1)
        ).bytes

        // The receipt an erasure hands out: a large entry (40 subjects) in the same tree.
        receiptEntry = try AuditEntry(
            sequence: exportStart, time: exportEntries[0].time, actor: .osUser("dpo"), role: .admin, action: "erasure.complete",
            target: AuditTarget(kind: "erasure", id: "er_5eed0042"), outcome: .success,
            details: try AuditDetailList.details("subjects", (0..<40).map { "sub_" + Self.hex($0, width: 24) })
                .merging(["request_id": "DSR-1", "erased.turns": "1000", "held.hold_ids": "", "models": ""]) { $1 }
        )
        leafHashes[Int(exportStart - 1)] = receiptEntry.leafHash
        receiptTree = MerkleTree(leafHashes: leafHashes)
        receiptNote = try Checkpoint(origin: signer.name, size: size, root: receiptTree.root).signed(by: signer)
        receiptBytes = Array(
            try AuditReceipt.make(entry: receiptEntry, tree: receiptTree, checkpointNote: receiptNote, signer: signer).text.utf8
        )
    }

    /// A realistic entry, as audit-bench makes them: token actor, target, two details.
    static func entry(_ sequence: UInt64) throws -> AuditEntry {
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

    private static func hex(_ value: Int, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// The fixture, built on first use by whichever benchmark runs first.
let sharedAuditFixture = Result { try AuditFixture() }
