import Foundation
import Logging
import ParleyCrypto
import ParleyEngine
import ParleyStore
import Testing

/// A keys directory and a data directory with two customers' conversations.
private struct Installation {
    let root: URL
    var keys: KeyDirectory { KeyDirectory(url: root.appendingPathComponent("keys")) }
    var data: URL { root.appendingPathComponent("data") }
    var rotation: KeyRotation { KeyRotation(keys: keys, dataDirectory: data, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) }

    static func make() async throws -> Installation {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rotation-\(UUID().uuidString)")
        let installation = Installation(root: root)
        try FileManager.default.createDirectory(at: installation.data, withIntermediateDirectories: true)
        try installation.keys.initialize()
        let store = try installation.open()
        for (conversation, customer) in [("conv-a", "C-1"), ("conv-b", "C-2")] {
            for index in 0..<5 {
                try await store.commit(TurnCommit(
                    conversationID: conversation, customerID: customer, channel: "test", status: .bot, tracker: Data("{}".utf8),
                    messages: [.init(role: .customer, text: "\(conversation) line \(index)")], handoff: nil, now: Date()
                ))
            }
        }
        try store.close()
        return installation
    }

    func currentKeys() throws -> KeyHierarchy {
        try KeyHierarchy(master: keys.loadMasterKey())
    }

    func open(_ keys: KeyHierarchy? = nil) throws -> Store {
        try Store(location: .directory(data), keys: keys ?? currentKeys())
    }

    /// Every row of both conversations, through a fresh store.
    func allTexts() async throws -> [String] {
        let store = try open()
        defer { try? store.close() }
        var texts: [String] = []
        for conversation in ["conv-a", "conv-b"] {
            texts += try #require(try await store.transcript(conversation)).1.compactMap(\.text)
        }
        return texts
    }
}

@Suite struct KeyRotationTests {
    @Test func rotationKeepsEveryRowAndTheOldKeyNoLongerOpens() async throws {
        let installation = try await Installation.make()
        let before = try await installation.allTexts()
        let oldKeys = try installation.currentKeys()
        let rotated = try installation.rotation.rotate()
        let (oldID, newID) = (rotated.oldKeyID, rotated.newKeys.keyID)
        #expect(oldID != newID)
        #expect(try installation.currentKeys().keyID == newID)
        #expect(try await installation.allTexts() == before)
        #expect(before.count == 10)
        do {
            _ = try installation.open(oldKeys)
            Issue.record("the retired key still opened the database")
        } catch let StoreError.authenticationFailed(file, page, _) {
            #expect(file.hasSuffix(StoreLocation.databaseFileName))
            #expect(page == 1)
        }
        let retired = installation.keys.url.appendingPathComponent("retired/\(oldID).key")
        #expect(FileManager.default.fileExists(atPath: retired.path))
    }

    @Test(arguments: KeyRotation.Step.allCases.filter { $0 != .finished })
    func interruptedRotationRecoversToOneWorkingKey(step: KeyRotation.Step) async throws {
        let installation = try await Installation.make()
        let before = try await installation.allTexts()
        let oldID = try installation.currentKeys().keyID
        let newID = try installation.rotation.rotate(stopAfter: step).newKeys.keyID
        let outcome = try installation.rotation.recover()
        let current = try installation.currentKeys().keyID
        if step < .committed {
            #expect(outcome == .rolledBack)
            #expect(current == oldID)
        } else {
            #expect(outcome == .finished)
            #expect(current == newID)
        }
        #expect(try await installation.allTexts() == before)
        #expect(try installation.rotation.recover() == .nothingToDo)
    }

    /// A rollback removes the new databases, then the new description, then
    /// the marker: cut short anywhere, what is left is still read as uncommitted.
    @Test(arguments: [1, 2])
    func aRollbackCutShortIsFinishedByTheNextRecovery(filesRemovedBeforeTheCut: Int) async throws {
        let installation = try await Installation.make()
        let before = try await installation.allTexts()
        let oldID = try installation.currentKeys().keyID
        _ = try installation.rotation.rotate(stopAfter: .oldKeyRetired)
        let rotating = installation.data.appendingPathComponent("parley.db.rotating").path
        #expect(FileManager.default.fileExists(atPath: rotating))
        try FileManager.default.removeItem(atPath: rotating)
        try FileManager.default.removeItem(atPath: installation.data.appendingPathComponent("keyring.db.rotating").path)
        if filesRemovedBeforeTheCut == 2 {
            try FileManager.default.removeItem(at: installation.keys.url.appendingPathComponent("master.next.json"))
        }
        #expect(try installation.rotation.recover() == .rolledBack)
        #expect(try installation.currentKeys().keyID == oldID)
        #expect(try await installation.allTexts() == before)
        // The key in use is not listed as retired.
        #expect(!FileManager.default.fileExists(atPath: installation.keys.url.appendingPathComponent("retired/\(oldID).key").path))
    }

    @Test func keyFileReadableByOthersIsRefusedNamingTheFix() async throws {
        let installation = try await Installation.make()
        let keyFile = installation.keys.masterKeyURL.path
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyFile)
        #expect(throws: EngineError.keys("permissions 0644 for \(keyFile) are too open: it must not be accessible by group or others; run: chmod 600 \(keyFile)")) {
            try installation.keys.loadMasterKey()
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile)
        let directory = installation.keys.url.path
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory)
        #expect(throws: EngineError.keys("permissions 0755 for \(directory) are too open: it must not be accessible by group or others; run: chmod 700 \(directory)")) {
            try installation.keys.loadMasterKey()
        }
    }

    @Test func passphraseKeyIsDerivedAgainAndAWrongPassphraseIsRefused() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("passphrase-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let secret = root.appendingPathComponent("pass")
        try "correct horse battery staple\n".write(to: secret, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secret.path)
        let keys = KeyDirectory(url: root.appendingPathComponent("keys"), sources: MasterKeySources(passphraseFile: secret))
        let created = try keys.initialize(passphrase: keys.sources.passphrase(), limits: .minimum)
        #expect(!FileManager.default.fileExists(atPath: keys.masterKeyURL.path))
        #expect(try KeyHierarchy(master: keys.loadMasterKey()).keyID == created.keyID)
        try "a wrong passphrase\n".write(to: secret, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secret.path)
        #expect(throws: EngineError.keys("the passphrase is wrong: it does not give master key \(created.keyID)")) {
            try keys.loadMasterKey()
        }
    }

    @Test func systemdCredentialTakesPrecedence() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("credential-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let key = try RandomBytes.generate(count: 32)
        try Data(key).write(to: root.appendingPathComponent(KeyDirectory.credentialName))
        // systemd hands credentials over as 0400 files of the service user.
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: root.appendingPathComponent(KeyDirectory.credentialName).path)
        let keys = KeyDirectory(url: root.appendingPathComponent("keys"), sources: MasterKeySources(credentialsDirectory: root))
        #expect(keys.hasMasterKey)
        #expect(try keys.loadMasterKey() == SymmetricKey(copying: key))
    }
}
