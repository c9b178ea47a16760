import ArgumentParser
import Foundation
@testable import ParleyCLI
import ParleyEngine
import ParleyStore
import Testing

/// keyring.db deleted by accident: Parley refuses to start rather than make
/// every customer's text unreadable in silence, until told the loss is final.
@Suite struct LostKeyringTests {
    private let root = FileManager.default.temporaryDirectory.appendingPathComponent("cli-keyring-\(UUID().uuidString)")
    private var paths: [String] { ["--data-dir", root.appendingPathComponent("data").path, "--keys-dir", root.appendingPathComponent("keys").path] }

    private func open() throws -> OpenedData {
        let global = try #require(try Parley.parseAsRoot(["keys", "status"] + paths) as? KeysStatus).global
        return try CommandContext(global).open()
    }

    private func commit(_ data: OpenedData, _ conversation: String, _ text: String) async throws {
        try await data.store.commit(TurnCommit(
            conversationID: conversation, customerID: "C-1", channel: "test", status: .bot, tracker: Data("{}".utf8),
            messages: [.init(role: .customer, text: text)], handoff: nil, now: Date()
        ))
    }

    @Test func aMissingKeyringStopsParleyUntilTheLossIsConfirmed() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        do {
            let data = try open()
            try await commit(data, "k-1", "sealed under a key in the keyring")
            try data.store.close()
        }
        let keyring = root.appendingPathComponent("data/\(StoreLocation.keyringFileName)")
        try FileManager.default.removeItem(at: keyring)

        do {
            _ = try open()
            Issue.record("Parley opened without its keyring")
        } catch let error as EngineError {
            #expect(error.description.contains("\(keyring.path) is missing or holds no customer keys, but the database holds 1 customers' text"))
            #expect(error.description.contains("parley keys reset-keyring"))
        }
        #expect(!FileManager.default.fileExists(atPath: keyring.path), "an empty keyring was created anyway")

        var unconfirmed = try #require(try Parley.parseAsRoot(["keys", "reset-keyring"] + paths) as? KeysResetKeyring)
        await #expect(throws: ValidationError.self) { try await unconfirmed.run() }
        var reset = try #require(try Parley.parseAsRoot(["keys", "reset-keyring", "--confirm-text-lost"] + paths) as? KeysResetKeyring)
        try await reset.run()

        let data = try open()
        #expect(try await data.store.transcript("k-1")?.1.first?.text == nil)
        try await commit(data, "k-2", "a new conversation of the same customer")
        #expect(try await data.store.transcript("k-2")?.1.first?.text == "a new conversation of the same customer")
        let size = try await data.store.auditFrontier().size
        let entries = try await data.audit.entries(1...size)
        #expect(entries.contains { $0.action == "keyring.reset" && $0.details["subjects_erased"] == "1" })
        try data.store.close()
    }

    @Test func anEmptyKeyringInItsPlaceIsRefusedToo() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        do {
            let data = try open()
            try await commit(data, "e-1", "sealed")
            try data.store.close()
        }
        let keyring = root.appendingPathComponent("data/\(StoreLocation.keyringFileName)")
        // A zero-byte file, then a valid keyring without customer keys.
        try FileManager.default.removeItem(at: keyring)
        FileManager.default.createFile(atPath: keyring.path, contents: Data())
        #expect(throws: EngineError.self) { _ = try open() }
        #expect(try Data(contentsOf: keyring).isEmpty, "an empty keyring was written anyway")
        try FileManager.default.removeItem(at: keyring)
        let global = try #require(try Parley.parseAsRoot(["keys", "status"] + paths) as? KeysStatus).global
        let fresh = try CommandContext(global).bootstrap.openStore(keys: try CommandContext(global).bootstrap.keys(createIfFresh: false), allowingLostKeyring: true)
        #expect(fresh.keyringLost)
        try fresh.close()
        #expect(FileManager.default.fileExists(atPath: keyring.path))
        #expect(throws: EngineError.self) { _ = try open() }

        var reset = try #require(try Parley.parseAsRoot(["keys", "reset-keyring", "--confirm-text-lost"] + paths) as? KeysResetKeyring)
        try await reset.run()
        do {
            let data = try open()
            #expect(try await data.store.transcript("e-1")?.1.first?.text == nil)
            try data.store.close()
        }
        // Nothing is lost any more: a second reset is refused.
        var again = try #require(try Parley.parseAsRoot(["keys", "reset-keyring", "--confirm-text-lost"] + paths) as? KeysResetKeyring)
        await #expect(throws: EngineError.keys("keyring.db holds the customers' keys: there is nothing to reset")) { try await again.run() }
    }
}
