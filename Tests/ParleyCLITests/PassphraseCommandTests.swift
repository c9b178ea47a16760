import ArgumentParser
import Foundation
@testable import ParleyCLI
import ParleyEngine
import ParleyStore
import Testing

/// A passphrase-protected installation through the commands an administrator runs.
@Suite struct PassphraseCommandTests {
    private let root = FileManager.default.temporaryDirectory.appendingPathComponent("cli-passphrase-\(UUID().uuidString)")

    private func file(_ name: String, holding text: String) throws -> String {
        let url = root.appendingPathComponent(name)
        try (text + "\n").write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        return url.path
    }

    private func run<Command: AsyncParsableCommand>(_ arguments: [String], passphraseFile: String, as _: Command.Type) async throws {
        let paths = [
            "--data-dir", root.appendingPathComponent("data").path, "--keys-dir", root.appendingPathComponent("keys").path,
            "--passphrase-file", passphraseFile,
        ]
        var command = try #require(try Parley.parseAsRoot(arguments + paths) as? Command)
        try await command.run()
    }

    private func text(passphraseFile: String) async throws -> String? {
        let paths = [
            "keys", "status", "--data-dir", root.appendingPathComponent("data").path,
            "--keys-dir", root.appendingPathComponent("keys").path, "--passphrase-file", passphraseFile,
        ]
        let global = try #require(try Parley.parseAsRoot(paths) as? KeysStatus).global
        let data = try CommandContext(global).open()
        defer { try? data.store.close() }
        return try await data.store.transcript("p-1")?.1.first?.text
    }

    @Test func rotateToANewPassphraseThenRestoreABackupWithTheOldOne() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let old = try file("old-passphrase", holding: "an old passphrase")
        let new = try file("new-passphrase", holding: "a brand new passphrase")
        try await run(["keys", "init", "--passphrase"], passphraseFile: old, as: KeysInit.self)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("keys/master.key").path))
        do {
            let global = try #require(try Parley.parseAsRoot(["keys", "status", "--data-dir", root.appendingPathComponent("data").path,
                                                               "--keys-dir", root.appendingPathComponent("keys").path, "--passphrase-file", old]) as? KeysStatus).global
            let data = try CommandContext(global).open()
            try await data.store.commit(TurnCommit(
                conversationID: "p-1", customerID: nil, channel: "test", status: .bot, tracker: Data("{}".utf8),
                messages: [.init(role: .customer, text: "before the rotation")], handoff: nil, now: Date()
            ))
            try data.store.close()
        }
        let backup = root.appendingPathComponent("before.bak").path
        try await run(["backup", "--out", backup], passphraseFile: old, as: Backup.self)
        let oldID = try #require(try KeyDirectory(url: root.appendingPathComponent("keys")).description()?.keyID)

        try await run(["keys", "rotate", "--new-passphrase-file", new], passphraseFile: old, as: KeysRotate.self)
        #expect(try KeyDirectory(url: root.appendingPathComponent("keys")).description()?.keyID != oldID)
        await #expect(throws: (any Error).self) { try await text(passphraseFile: old) }
        #expect(try await text(passphraseFile: new) == "before the rotation")

        // The backup was made under the old key: its retired description and the old passphrase open it.
        let retired = root.appendingPathComponent("keys/retired/\(oldID).json").path
        try await run(["restore", backup, "--master-key", retired, "--master-key-passphrase-file", old], passphraseFile: new, as: Restore.self)
        #expect(try await text(passphraseFile: new) == "before the rotation")
    }
}
