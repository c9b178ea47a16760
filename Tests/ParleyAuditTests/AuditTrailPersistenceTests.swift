import Foundation
import ParleyAudit
import ParleyCrypto
import ParleyStore
import Testing

@Suite struct AuditTrailPersistenceTests {
    private func event(_ action: String, _ index: Int) -> AuditEvent {
        AuditEvent(actor: .system, role: .system, action: action, details: ["n": String(index)])
    }

    @Test func restartKeepsTheLogAndItsCheckpointsConsistent() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let keys = try KeyHierarchy(master: .random())

        let first = try Store(location: .directory(directory), keys: keys)
        let trail = try AuditTrail(store: first, signingSeed: keys.auditSigningSeed, origin: "bank.example/audit")
        for index in 0..<10 { try await trail.record(event("test.before", index)) }
        let (oldSize, oldNote) = try await trail.checkpoint()
        #expect(oldSize == 10)
        try first.close()

        let second = try Store(location: .directory(directory), keys: keys)
        let reopened = try AuditTrail(store: second, signingSeed: keys.auditSigningSeed, origin: "bank.example/audit")
        #expect(reopened.verifierKey == trail.verifierKey)
        for index in 0..<7 { try await reopened.record(event("test.after", index)) }
        let (_, _, report) = try await reopened.consistency(from: oldNote)
        #expect(report.oldSize == 10)
        #expect(report.newSize == 17)
        let stored = try await reopened.verifyStoredLog()
        #expect(stored.verified)
        #expect(stored.size == 17)
        #expect(stored.checkpointSize == 17)
    }

    @Test func entriesAppendedInOtherTransactionsContinueTheSequence() async throws {
        let store = try Store(location: .inMemory, keys: KeyHierarchy(master: .random()))
        let trail = try AuditTrail(store: store, signingSeed: .random(), origin: "bank.example/audit")
        try await trail.record(event("test.a", 1), event("test.b", 2))
        try await store.appendAudit(trail.appends([event("test.c", 3)]))
        let entries = try await trail.entries(1...3)
        #expect(entries.map(\.sequence) == [1, 2, 3])
        #expect(entries.map(\.action) == ["test.a", "test.b", "test.c"])
    }

    @Test func exportOfAPeriodVerifiesWithThePublicKeyAlone() async throws {
        let store = try Store(location: .inMemory, keys: KeyHierarchy(master: .random()))
        let trail = try AuditTrail(store: store, signingSeed: .random(), origin: "bank.example/audit")
        for index in 0..<25 { try await trail.record(event("test.export", index)) }
        let bundle = try await trail.export(from: Date(timeIntervalSinceNow: -3600), to: Date(timeIntervalSinceNow: 3600))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bundle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("audit.jsonl")
        try Data(bundle.bytes).write(to: file)
        let report = try AuditBundleVerifier.verify(bundleBytes: Array(Data(contentsOf: file)), verifierKey: trail.verifierKey.description)
        #expect(report.isVerified)
        let other = try AuditTrail(store: store, signingSeed: .random(), origin: "bank.example/audit")
        #expect(!(try AuditBundleVerifier.verify(bundleBytes: bundle.bytes, verifierKey: other.verifierKey.description).isVerified))
    }

    @Test func periodWithoutEntriesGivesAVerifiableEmptyBundle() async throws {
        let store = try Store(location: .inMemory, keys: KeyHierarchy(master: .random()))
        let trail = try AuditTrail(store: store, signingSeed: .random(), origin: "bank.example/audit")
        try await trail.record(event("test.now", 1))
        let bundle = try await trail.export(from: Date(timeIntervalSince1970: 0), to: Date(timeIntervalSince1970: 60))
        #expect(bundle.statement.isEmpty && bundle.entries.isEmpty)
        #expect(bundle.statement.firstSequence == 1 && bundle.statement.lastSequence == 0)
        let report = AuditBundleVerifier.verify(bundleBytes: bundle.bytes, verifierKey: trail.verifierKey)
        #expect(report.isVerified && report.empty == true, "\(report.summary)")
        await #expect(throws: AuditError.self) {
            try await trail.export(from: Date(timeIntervalSince1970: 60), to: Date(timeIntervalSince1970: 0))
        }
    }
}

@Suite struct RestoreKeepsAuditLogTests {
    @Test func restoredDatabaseCarriesTheLiveAuditLogForward() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("restore-audit-\(UUID().uuidString)")
        let keys = try KeyHierarchy(master: .random())
        let live = root.appendingPathComponent("live")
        try FileManager.default.createDirectory(at: live, withIntermediateDirectories: true)
        let store = try Store(location: .directory(live), keys: keys)
        let trail = try AuditTrail(store: store, signingSeed: keys.auditSigningSeed, origin: "bank.example/audit")
        try await trail.record(AuditEvent(actor: .system, role: .system, action: "test.before_backup"))
        let backup = root.appendingPathComponent("backup.db")
        try await store.backup(to: backup, keys: keys)
        try await trail.record(AuditEvent(actor: .system, role: .system, action: "test.after_backup"))
        let (_, note) = try await trail.checkpoint()
        try store.close()

        let livePath = live.appendingPathComponent(StoreLocation.databaseFileName).path
        let restoring = livePath + ".restoring"
        try Store.copyDatabase(at: backup.path, key: keys.databaseKey, to: restoring, targetKey: keys.databaseKey)
        try Store.copyAuditLog(from: livePath, key: keys.databaseKey, into: restoring, targetKey: keys.databaseKey)
        try FileManager.default.removeItem(atPath: livePath)
        try FileManager.default.moveItem(atPath: restoring, toPath: livePath)

        let restored = try Store(location: .directory(live), keys: keys)
        let reopened = try AuditTrail(store: restored, signingSeed: keys.auditSigningSeed, origin: "bank.example/audit")
        #expect(try await reopened.entries(1...2).map(\.action) == ["test.before_backup", "test.after_backup"])
        #expect(try await reopened.consistency(from: note).report.newSize == 2)
    }
}
