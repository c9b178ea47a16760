import Foundation
import ParleyCrypto
import ParleyStore
import Testing

@Suite struct RecoveryNoticeTests {
    /// A copy of a live data directory is what a crash leaves: committed
    /// frames in the WAL, not yet in the database file.
    @Test func recoveryThatDiscardsAForgedFrameSaysSo() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("recovery-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let live = root.appendingPathComponent("live"), crashed = root.appendingPathComponent("crashed")
        try FileManager.default.createDirectory(at: live, withIntermediateDirectories: true)
        let keys = try KeyHierarchy(master: .random())
        let store = try Store(location: .directory(live), keys: keys)
        #expect(store.recoveryNotice == nil)
        for index in 0..<5 {
            try await store.commit(TurnCommit(
                conversationID: "r-1", customerID: nil, channel: "test", status: .bot, tracker: Data("{}".utf8),
                messages: [.init(role: .customer, text: "turn \(index)")], handoff: nil, now: Date()
            ))
        }
        try FileManager.default.createDirectory(at: crashed, withIntermediateDirectories: true)
        for name in [StoreLocation.databaseFileName, StoreLocation.keyringFileName].flatMap({ [$0, $0 + "-wal"] }) {
            let file = live.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            try FileManager.default.copyItem(at: file, to: crashed.appendingPathComponent(name))
        }
        try store.close()
        let wal = crashed.appendingPathComponent(StoreLocation.databaseFileName + "-wal")
        var bytes = try Data(contentsOf: wal)
        let frames = (bytes.count - 32) / 4_120
        #expect(frames > 2)
        bytes[32 + (frames - 1) * 4_120 + 24 + 500] ^= 0x01
        try bytes.write(to: wal)

        let recovered = try Store(location: .directory(crashed), keys: keys)
        let notice = try #require(recovered.recoveryNotice)
        #expect(notice.contains(wal.path))
        #expect(notice.contains("frame \(frames)"))
        #expect(notice.contains("failed authentication"))
        try recovered.close()
    }

    @Test func bothLogsRecoveredAtOneOpenAreBothReported() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("recovery-both-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let live = root.appendingPathComponent("live"), crashed = root.appendingPathComponent("crashed")
        try FileManager.default.createDirectory(at: live, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: crashed, withIntermediateDirectories: true)
        let keys = try KeyHierarchy(master: .random())
        let store = try Store(location: .directory(live), keys: keys)
        try await store.commit(TurnCommit(
            conversationID: "b-1", customerID: nil, channel: "test", status: .bot, tracker: Data("{}".utf8),
            messages: [.init(role: .customer, text: "one turn")], handoff: nil, now: Date()
        ))
        var wals: [URL] = []
        for name in [StoreLocation.databaseFileName, StoreLocation.keyringFileName] {
            try FileManager.default.copyItem(at: live.appendingPathComponent(name), to: crashed.appendingPathComponent(name))
            let wal = crashed.appendingPathComponent(name + "-wal")
            try FileManager.default.copyItem(at: live.appendingPathComponent(name + "-wal"), to: wal)
            var bytes = try Data(contentsOf: wal)
            let frames = (bytes.count - 32) / 4_120
            bytes[32 + (frames - 1) * 4_120 + 24 + 300] ^= 0x01
            try bytes.write(to: wal)
            wals.append(wal)
        }
        try store.close()
        // The keyring's only transaction (the subject's key) is the one discarded.
        let recovered = try Store(location: .directory(crashed), keys: keys, allowingLostKeyring: true)
        let notice = try #require(recovered.recoveryNotice)
        for wal in wals { #expect(notice.contains(wal.path), "no notice for \(wal.lastPathComponent)") }
        #expect(recovered.keyringLost)
        try recovered.close()
    }
}
