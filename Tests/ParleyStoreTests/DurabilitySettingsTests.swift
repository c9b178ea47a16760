import Foundation
import GRDB
import ParleyCrypto
@testable import ParleyStore
import Testing

/// What "acknowledged" rests on: every connection of the store commits in WAL
/// mode with synchronous=FULL, whatever the SQLite build's default.
@Suite struct DurabilitySettingsTests {
    @Test func everyConnectionSyncsTheWALOnEveryCommit() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("durability-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try Store(location: .directory(directory), keys: KeyHierarchy(master: .random()))
        defer { try? store.close() }
        let reader = try await store.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA synchronous"), try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        #expect(reader.0 == 2)
        #expect(reader.1 == "wal")
        let writer = try await store.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(writer == 2)
    }
}
