import ArgumentParser
import Foundation
import ParleyAudit
@testable import ParleyCLI
import ParleyStore
import Testing

/// `parley backup` and `parley restore` on a real data directory.
@Suite struct BackupRestoreCommandTests {
    private struct Installation {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cli-backup-\(UUID().uuidString)")
        var paths: [String] { ["--data-dir", root.appendingPathComponent("data").path, "--keys-dir", keysDirectory.path] }
        var keysDirectory: URL { root.appendingPathComponent("keys") }
        var database: String { root.appendingPathComponent("data/\(StoreLocation.databaseFileName)").path }

        func run<Command: AsyncParsableCommand>(_ arguments: [String], as _: Command.Type) async throws {
            var command = try #require(try Parley.parseAsRoot(arguments + paths) as? Command)
            try await command.run()
        }

        /// Opens the installation as a command does; the store is closed (and the
        /// data directory released) when `body` returns.
        func withData<T>(_ body: (OpenedData) async throws -> T) async throws -> T {
            let global = try #require(try Parley.parseAsRoot(["keys", "status"] + paths) as? KeysStatus).global
            let data = try CommandContext(global).open()
            let result = try await body(data)
            try data.store.close()
            return result
        }

        func say(_ text: String, in conversation: String) async throws {
            try await withData { data in
                try await data.store.commit(TurnCommit(
                    conversationID: conversation, customerID: nil, channel: "test", status: .bot, tracker: Data("{}".utf8),
                    messages: [.init(role: .customer, text: text)], handoff: nil, now: Date()
                ))
            }
        }

        func text(of conversation: String) async throws -> String? {
            try await withData { data in try await data.store.transcript(conversation)?.1.first?.text }
        }

        func actions() async throws -> [String] {
            try await withData { data in
                let size = try await data.store.auditFrontier().size
                #expect(try await data.audit.verifyStoredLog().verified)
                return try await data.audit.entries(1...size).map(\.action)
            }
        }
    }

    @Test func aRestoreBringsBackTheBackupAndKeepsTheAuditLog() async throws {
        let installation = Installation()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        let backup = installation.root.appendingPathComponent("nightly.bak").path
        try await installation.say("written before the backup", in: "before")
        try await installation.run(["backup", "--out", backup], as: Backup.self)
        try await installation.say("written after the backup", in: "after")

        try await installation.run(["restore", backup], as: Restore.self)
        #expect(try await installation.text(of: "before") == "written before the backup")
        #expect(try await installation.text(of: "after") == nil)
        // The log was not rolled back with the data: both events are on it.
        let actions = try await installation.actions()
        #expect(actions.contains("backup.create"))
        #expect(actions.last == "backup.restore")
    }

    @Test func aDamagedBackupIsRefusedAndTheLiveDatabaseIsUntouched() async throws {
        let installation = Installation()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        let backup = installation.root.appendingPathComponent("damaged.bak").path
        try await installation.say("still here", in: "live")
        try await installation.run(["backup", "--out", backup], as: Backup.self)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: backup))
        bytes[2 * 4096 + 700] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: backup))

        do {
            try await installation.run(["restore", backup], as: Restore.self)
            Issue.record("a damaged backup was restored")
        } catch let StoreError.authenticationFailed(file, page, _) {
            #expect(file == backup)
            #expect(page == 3)
        }
        #expect(try await installation.text(of: "live") == "still here")
        #expect(!FileManager.default.fileExists(atPath: installation.database + ".restoring"))
    }

    @Test func aBackupFromBeforeARotationNeedsTheRetiredKey() async throws {
        let installation = Installation()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        let backup = installation.root.appendingPathComponent("old-key.bak").path
        try await installation.say("sealed before the rotation", in: "rotated")
        let oldKeyID = try await installation.withData { $0.keys.keyID }
        try await installation.run(["backup", "--out", backup], as: Backup.self)
        try await installation.run(["keys", "rotate"], as: KeysRotate.self)

        await #expect(throws: StoreError.self) { try await installation.run(["restore", backup], as: Restore.self) }
        let retired = installation.keysDirectory.appendingPathComponent("retired/\(oldKeyID).key").path
        try await installation.run(["restore", backup, "--master-key", retired], as: Restore.self)
        #expect(try await installation.text(of: "rotated") == "sealed before the rotation")
        #expect(try await installation.withData { $0.keys.keyID } != oldKeyID)
    }

    @Test func aRestoreWithoutTheKeyringIsRecordedAndErasesOnlyWhenConfirmed() async throws {
        let installation = Installation()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        let backup = installation.root.appendingPathComponent("disaster.bak").path
        try await installation.say("only in the backup", in: "lost")
        try await installation.run(["backup", "--out", backup], as: Backup.self)
        let keyring = installation.root.appendingPathComponent("data/\(StoreLocation.keyringFileName)")
        try FileManager.default.removeItem(at: keyring)

        // Restored and recorded, but nothing erased without confirmation: Parley will not start yet.
        try await installation.run(["restore", backup], as: Restore.self)
        await #expect(throws: (any Error).self) { try await installation.text(of: "lost") }

        try await installation.run(["restore", backup, "--confirm-text-lost"], as: Restore.self)
        #expect(try await installation.text(of: "lost") == nil)
        let actions = try await installation.actions()
        #expect(actions.suffix(3) == ["backup.restore", "backup.restore", "keyring.reset"])
    }
}
