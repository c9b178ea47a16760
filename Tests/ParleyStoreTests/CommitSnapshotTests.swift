import Foundation
import ParleyCrypto
@testable import ParleyStore
import Testing

/// A turn's commit may take the conversation as the caller read it
/// (TurnCommit.snapshot) instead of reading it again. A stale snapshot (the
/// row changed meanwhile, as another process may do) is refused inside the
/// write, never stored under the wrong channel or key.
@Suite struct CommitSnapshotTests {
    @Test func aCurrentSnapshotStoresTheTurnLikeARead() async throws {
        let (store, directory) = try GroupCommitTests.directoryStore()
        defer { try? store.close(); try? FileManager.default.removeItem(at: directory) }
        try await store.commit(GroupCommitTests.turn("snap-1", "first"))
        let loaded = try #require(try await store.loadConversation("snap-1"))
        var next = GroupCommitTests.turn("snap-1", "second")
        next.snapshot = .present(loaded.record)
        #expect(try await store.commit(next) == [3, 4])
        #expect(try await store.loadConversation("snap-1")?.record.turnCount == 4)
    }

    @Test func aSnapshotThatSaysAbsentWhenTheConversationExistsIsRefused() async throws {
        let (store, directory) = try GroupCommitTests.directoryStore()
        defer { try? store.close(); try? FileManager.default.removeItem(at: directory) }
        try await store.commit(GroupCommitTests.turn("snap-2", "first"))
        // Read before another writer created it: the commit would pick a new subject; the write sees the real one.
        var stale = GroupCommitTests.turn("snap-2", "second")
        stale.snapshot = .absent
        await #expect(throws: StoreError.self) { try await store.commit(stale) }
        #expect(try await store.loadConversation("snap-2")?.record.turnCount == 2, "nothing of the refused turn is stored")
    }

    @Test func aSnapshotWithAnOlderChannelIsRefusedByTheWrite() async throws {
        let (store, directory) = try GroupCommitTests.directoryStore()
        defer { try? store.close(); try? FileManager.default.removeItem(at: directory) }
        try await store.commit(GroupCommitTests.turn("snap-3", "first", channel: "web"))
        var record = try #require(try await store.loadConversation("snap-3")?.record)
        record.channel = nil  // as read before any channel had written to it
        var other = GroupCommitTests.turn("snap-3", "from elsewhere", channel: "sms")
        other.snapshot = .present(record)
        await #expect(throws: StoreError.conflict(Store.unavailable("snap-3"))) { try await store.commit(other) }
        #expect(try await store.loadConversation("snap-3")?.record.turnCount == 2)
    }
}
