import Foundation
import GRDB
import ParleyAudit
import ParleyCrypto
@testable import ParleyStore
import Testing

/// `verifyStoredLog` fails on an edited, missing or consistently rewritten
/// stored entry, and names the first bad entry when it can.
@Suite struct StoredLogVerificationTests {
    func makeLog(entries: Int = 12) async throws -> (Store, AuditTrail) {
        let store = try Store(location: .inMemory, keys: KeyHierarchy(master: .random()))
        let trail = try AuditTrail(store: store, signingSeed: .random(), origin: "bank.example/audit")
        for index in 1...entries {
            try await trail.record(AuditEvent(actor: .system, role: .system, action: "test.entry", details: ["n": String(index)]))
        }
        _ = try await trail.checkpoint()
        #expect(try await trail.verifyStoredLog().verified)
        return (store, trail)
    }

    @Test func anEditedEntryIsNamed() async throws {
        let (store, trail) = try await makeLog()
        try await store.write { db in
            try db.execute(sql: "UPDATE audit_entry SET entry = replace(entry, '\"n\":\"5\"', '\"n\":\"6\"') WHERE seq = 5")
            #expect(db.changesCount == 1)
        }
        let report = try await trail.verifyStoredLog()
        #expect(!report.verified)
        #expect(report.firstBadSequence == 5)
    }

    @Test func aMissingEntryIsNamed() async throws {
        let (store, trail) = try await makeLog()
        try await store.write { db in try db.execute(sql: "DELETE FROM audit_entry WHERE seq = 7") }
        let report = try await trail.verifyStoredLog()
        #expect(!report.verified)
        #expect(report.firstBadSequence == 7)
    }

    @Test func anEntryRewrittenWithItsLeafHashStillFails() async throws {
        let (store, trail) = try await makeLog()
        let original = try await trail.entries(3...3)[0]
        let forged = try AuditEntry(
            sequence: 3, time: original.time, actor: original.actor, role: original.role, action: "test.forged",
            target: original.target, outcome: original.outcome, details: original.details
        )
        try await store.write { db in
            try db.execute(sql: "UPDATE audit_entry SET entry = ?, leaf_hash = ? WHERE seq = 3",
                           arguments: [forged.canonicalJSON, Data(forged.leafHash.bytes)])
        }
        let report = try await trail.verifyStoredLog()
        #expect(!report.verified)
        #expect(report.failure != nil)
    }
}

extension StoredLogVerificationTests {
    @Test func entriesHiddenBehindAnOlderTreeStateAreFound() async throws {
        let (store, trail) = try await makeLog()
        // the frontier row set back to an empty log: nothing would be re-hashed
        try await store.write { db in try db.execute(sql: "DELETE FROM audit_frontier") }
        let report = try await trail.verifyStoredLog()
        #expect(!report.verified)
        #expect(report.firstBadSequence == 1)
    }

    @Test func entriesRemovedFromTheEndAfterACheckpointAreFound() async throws {
        let (store, trail) = try await makeLog()
        let (size, _) = try await trail.checkpoint()
        try await store.write { db in
            try db.execute(sql: "DELETE FROM audit_entry WHERE seq > ?", arguments: [Int64(size - 2)])
        }
        // the frontier still says `size`: entries are missing
        #expect(try await !trail.verifyStoredLog().verified)
    }
}
