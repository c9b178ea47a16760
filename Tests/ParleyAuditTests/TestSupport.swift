import ParleyCrypto
@testable import ParleyAudit

/// Shared fixtures: a fixed signing key, sample entries and a reference
/// (textbook, recursive) RFC 9162 implementation to check the fast one against.
enum Fixture {
    static let origin = "parley.example.bank/audit"

    static func signer(seedByte: UInt8 = 7, name: String = origin) throws -> NoteSigner {
        let seed = try SymmetricKey(copying: [UInt8](repeating: seedByte, count: 32))
        return try NoteSigner(name: name, signingKey: Ed25519.SigningKey(seed: seed))
    }

    static func time(_ text: String) throws -> AuditTime {
        try AuditTime(rfc3339: text)
    }

    /// Entry `sequence` of a deterministic synthetic log, one minute apart.
    static func entry(_ sequence: UInt64) throws -> AuditEntry {
        let actions = ["conversation.read", "handoff.claim", "model.train", "key.rotate", "auth.failed", "server.start"]
        let roles: [AuditRole] = [.agent, .agent, .admin, .operator, .channel, .system]
        let pick = Int(sequence % UInt64(actions.count))
        return try AuditEntry(
            sequence: sequence,
            time: AuditTime(millisecondsSince1970: 1_735_689_600_000 + sequence * 60_000 + sequence % 1000),
            actor: pick == 5 ? .system : .token(id: "01HX\(sequence)"),
            role: roles[pick],
            action: actions[pick],
            target: pick == 5 ? nil : AuditTarget(kind: "conversation", id: "c-\(sequence * 7)"),
            outcome: pick == 4 ? .denied : .success,
            details: pick == 2 ? ["model.version": "2025.01.\(sequence)", "intent": "refund, \"partial\""] : ["queue": "billing"]
        )
    }

    static func entries(_ range: ClosedRange<UInt64>) throws -> [AuditEntry] {
        try range.map(entry)
    }

    /// A tree over entries 1…size and its checkpoint note, signed.
    static func log(size: UInt64, signer: NoteSigner) throws -> (tree: MerkleTree, entries: [AuditEntry], note: String) {
        let entries = try entries(1...size)
        let tree = MerkleTree(leafHashes: entries.map(\.leafHash))
        let note = try Checkpoint(origin: origin, size: size, root: tree.root).signed(by: signer)
        return (tree, entries, note)
    }
}

extension Fixture {
    /// Synthetic pseudonymous ids, as an erasure writes them (hex of a counter, never real data).
    static func hexID(_ prefix: String, _ index: Int, digits: Int) -> String {
        let hex = String(index, radix: 16)
        return prefix + String(repeating: "0", count: max(0, digits - hex.count)) + hex
    }

    /// The `erasure.complete` entry of parley-audit-format(5), ERASURE RECEIPTS,
    /// with `subjectCount` subjects (enough makes the list continue in `subjects.2`, …).
    static func erasureEntry(sequence: UInt64, subjectCount: Int = 3, time: UInt64 = 1_767_225_600_000) throws -> AuditEntry {
        let subjects = (0..<subjectCount).map { hexID("sub_", 0xa11ce0 + $0, digits: 24) }
        let keys = (0..<subjectCount).map { hexID("", 0xbeef00 + $0, digits: 16) }
        var details = try AuditDetailList.details("subjects", subjects)
        details.merge(try AuditDetailList.details("keys_destroyed", keys)) { $1 }
        details.merge([
            "request_id": "DSR-2026-0042", "customer_ref": "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
            "erased.conversations": "12", "erased.turns": "1000", "erased.vault": "7", "erased.notes": "3",
            "erased.feedback": "5", "erased.handoffs": "2", "erased.crm_customer": "1", "erased.crm_tickets": "4",
            "held": "1", "held.hold_ids": "hold_7f3a", "models": "2026.01.3,2026.02.1",
            "requested_at": "2025-12-31T23:00:00.000Z", "completed_at": "2026-01-01T00:00:00.000Z",
        ]) { $1 }
        return try AuditEntry(
            sequence: sequence, time: AuditTime(millisecondsSince1970: time), actor: .osUser("dpo"), role: .admin,
            action: "erasure.complete", target: AuditTarget(kind: "erasure", id: "er_5eed0042"), outcome: .success, details: details
        )
    }

    /// A log of `size` synthetic entries with an erasure at `erasureAt`, and a checkpoint of it signed by `signer`.
    static func logWithErasure(
        size: UInt64, erasureAt: UInt64, subjectCount: Int = 3, signer: NoteSigner
    ) throws -> (tree: MerkleTree, erasure: AuditEntry, note: String) {
        let erasure = try erasureEntry(sequence: erasureAt, subjectCount: subjectCount)
        let leaves = try (1...size).map { $0 == erasureAt ? erasure.leafHash : try entry($0).leafHash }
        let tree = MerkleTree(leafHashes: leaves)
        let note = try Checkpoint(origin: signer.name, size: size, root: tree.root).signed(by: signer)
        return (tree, erasure, note)
    }
}

/// RFC 9162 §2.1 as written: recursive MTH, PATH and PROOF over a leaf list.
enum Reference {
    static func mth(_ leaves: ArraySlice<MerkleHash>) -> MerkleHash {
        if leaves.isEmpty { return MerkleHash.emptyRoot }
        if leaves.count == 1 { return leaves[leaves.startIndex] }
        let k = largestPowerOfTwo(below: leaves.count)
        let mid = leaves.startIndex + k
        return MerkleHash.node(mth(leaves[..<mid]), mth(leaves[mid...]))
    }

    static func path(_ m: Int, _ leaves: ArraySlice<MerkleHash>) -> [MerkleHash] {
        if leaves.count <= 1 { return [] }
        let k = largestPowerOfTwo(below: leaves.count)
        let mid = leaves.startIndex + k
        if m < k { return path(m, leaves[..<mid]) + [mth(leaves[mid...])] }
        return path(m - k, leaves[mid...]) + [mth(leaves[..<mid])]
    }

    static func proof(_ m: Int, _ leaves: ArraySlice<MerkleHash>) -> [MerkleHash] {
        subproof(m, leaves, true)
    }

    private static func subproof(_ m: Int, _ leaves: ArraySlice<MerkleHash>, _ b: Bool) -> [MerkleHash] {
        let n = leaves.count
        if m == n { return b ? [] : [mth(leaves)] }
        let k = largestPowerOfTwo(below: n)
        let mid = leaves.startIndex + k
        if m <= k { return subproof(m, leaves[..<mid], b) + [mth(leaves[mid...])] }
        return subproof(m - k, leaves[mid...], false) + [mth(leaves[..<mid])]
    }

    private static func largestPowerOfTwo(below n: Int) -> Int {
        var k = 1
        while k * 2 < n { k *= 2 }
        return k
    }
}

func hash(_ hex: String) -> MerkleHash {
    MerkleHash(bytes: Hex.decode(hex)!)!
}
