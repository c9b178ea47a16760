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
