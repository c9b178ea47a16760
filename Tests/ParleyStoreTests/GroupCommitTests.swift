import Foundation
import GRDB
import ParleyCrypto
@testable import ParleyStore
import Testing

/// Concurrent turns share transactions (group commit) without mixing up
/// their results: every turn is stored in order, a turn that fails is rolled
/// back alone, and a batch whose transaction SQLite aborted stores nothing.
@Suite struct GroupCommitTests {
    static func directoryStore() throws -> (Store, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("group-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return (try Store(location: .directory(directory), keys: KeyHierarchy(master: .random())), directory)
    }

    static func turn(_ conversation: String, _ text: String, channel: String = "test") -> TurnCommit {
        TurnCommit(
            conversationID: conversation, customerID: nil, channel: channel, status: .bot, tracker: Data("{}".utf8),
            messages: [.init(role: .customer, text: text), .init(role: .bot, text: "reply to \(text)")], handoff: nil, now: Date()
        )
    }

    @Test func concurrentTurnsAreAllStoredInOrderAndAFailingOneAlone() async throws {
        let (store, directory) = try Self.directoryStore()
        defer { try? store.close(); try? FileManager.default.removeItem(at: directory) }
        let conversations = 8, turns = 25
        for conversation in 0..<conversations { try await store.commit(Self.turn("g-\(conversation)", "turn 0")) }
        try await store.write { db in try db.execute(sql: "CREATE TABLE scratch (id INTEGER PRIMARY KEY)") }
        let before = store.groupCommit.counts
        let failures = try await withThrowingTaskGroup(of: Bool.self) { group in
            for conversation in 0..<conversations {
                group.addTask {
                    var failed = false
                    for index in 1...turns {
                        try await store.commit(Self.turn("g-\(conversation)", "turn \(index)"))
                        // A write that fails after writing is rolled back alone, inside a batch of good ones.
                        do {
                            _ = try await store.groupCommit.write { db -> Int in
                                try db.execute(sql: "INSERT INTO scratch (id) VALUES (?)", arguments: [conversation * 1000 + index])
                                throw Refused()
                            }
                        } catch is Refused { failed = true }
                    }
                    return failed
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(failures.allSatisfy { $0 })
        for conversation in 0..<conversations {
            let stored = try #require(try await store.transcript("g-\(conversation)")).1
            let expected = (0...turns).flatMap { ["turn \($0)", "reply to turn \($0)"] }
            #expect(stored.compactMap(\.text) == expected)
            #expect(stored.map(\.seq) == Array(1...expected.count))
        }
        let after = store.groupCommit.counts
        #expect(after.commits - before.commits == conversations * turns * 2)
        #expect(try await store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM scratch") } == 0)
        #expect(after.transactions - before.transactions <= after.commits - before.commits)
    }

    struct Refused: Error {}

    @Test func aBatchWhoseTransactionSQLiteAbortedStoresNothing() async throws {
        let (store, directory) = try Self.directoryStore()
        defer { try? store.close(); try? FileManager.default.removeItem(at: directory) }
        try await store.commit(Self.turn("h-1", "kept"))
        // A work that ends the transaction (as SQLite does on a full disk) fails its batch.
        await #expect(throws: (any Error).self) {
            try await store.groupCommit.write { db in
                try db.execute(sql: "INSERT INTO audit_frontier (id, size, nodes) VALUES (2, 0, x'')")
                try db.execute(sql: "ROLLBACK")
                return 0
            }
        }
        let rows = try await store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_frontier WHERE id = 2") }
        #expect(rows == 0)
        #expect(try await store.transcript("h-1")?.1.compactMap(\.text) == ["kept", "reply to kept"])
    }
}
