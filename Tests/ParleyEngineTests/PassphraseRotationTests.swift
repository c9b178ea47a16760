import Foundation
import Logging
import ParleyCrypto
import ParleyEngine
import ParleyStore
import Testing

/// A passphrase-protected installation with one customer's conversation.
private struct PassphraseInstallation {
    let root: URL
    var passphraseFile: URL { root.appendingPathComponent("passphrase") }
    var keys: KeyDirectory { KeyDirectory(url: root.appendingPathComponent("keys"), sources: MasterKeySources(passphraseFile: passphraseFile)) }
    var data: URL { root.appendingPathComponent("data") }
    var rotation: KeyRotation { KeyRotation(keys: keys, dataDirectory: data, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) }

    static func make() async throws -> PassphraseInstallation {
        let installation = PassphraseInstallation(root: FileManager.default.temporaryDirectory.appendingPathComponent("passphrase-rotation-\(UUID().uuidString)"))
        try FileManager.default.createDirectory(at: installation.data, withIntermediateDirectories: true)
        try installation.setPassphrase("the old passphrase")
        try installation.keys.initialize(passphrase: installation.keys.sources.passphrase(), limits: .minimum)
        let store = try Store(location: .directory(installation.data), keys: installation.currentKeys())
        for index in 0..<5 {
            try await store.commit(TurnCommit(
                conversationID: "conv-p", customerID: "C-1", channel: "test", status: .bot, tracker: Data("{}".utf8),
                messages: [.init(role: .customer, text: "line \(index)")], handoff: nil, now: Date()
            ))
        }
        try store.close()
        return installation
    }

    func setPassphrase(_ text: String) throws {
        try (text + "\n").write(to: passphraseFile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passphraseFile.path)
    }

    func secret(_ text: String) throws -> SecureBytes { try SecureBytes(copying: Array(text.utf8)) }

    func currentKeys() throws -> KeyHierarchy { try KeyHierarchy(master: keys.loadMasterKey()) }

    func texts(_ keys: KeyHierarchy) async throws -> [String] {
        let store = try Store(location: .directory(data), keys: keys)
        defer { try? store.close() }
        return try #require(try await store.transcript("conv-p")).1.compactMap(\.text)
    }

    /// Every file under the root, recursively.
    func files() -> [URL] {
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { !$0.hasDirectoryPath }
    }
}

@Suite struct PassphraseRotationTests {
    /// The page whose authentication failed when opening with `keys`, or nil if it opened (or failed otherwise).
    static func failedPage(opening data: URL, with keys: KeyHierarchy) -> UInt64? {
        do {
            _ = try Store(location: .directory(data), keys: keys)
            return nil
        } catch {
            if case let .authenticationFailed(_, page, _) = error { return page }
            return nil
        }
    }

    @Test func aPassphraseKeyIsRotatedToANewPassphraseAndNothingSecretIsWritten() async throws {
        let installation = try await PassphraseInstallation.make()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        let oldKeys = try installation.currentKeys()
        let before = try await installation.texts(oldKeys)
        #expect(before.count == 5)

        let rotated = try installation.rotation.rotate(newPassphrase: installation.secret("the new passphrase"), limits: .minimum)
        #expect(rotated.oldKeyID == oldKeys.keyID)
        #expect(try await installation.texts(rotated.newKeys) == before)

        // The old passphrase no longer gives the current key; the new one does.
        #expect(throws: EngineError.keys("the passphrase is wrong: it does not give master key \(rotated.newKeys.keyID)")) {
            try installation.keys.loadMasterKey()
        }
        try installation.setPassphrase("the new passphrase")
        #expect(try installation.currentKeys().keyID == rotated.newKeys.keyID)
        #expect(Self.failedPage(opening: installation.data, with: oldKeys) == 1)

        // Only descriptions are kept: no key file, and the retired one needs the old passphrase.
        #expect(!installation.files().contains { $0.pathExtension == "key" || $0.lastPathComponent.hasPrefix("master.key") })
        let retired = installation.keys.url.appendingPathComponent("retired/\(oldKeys.keyID).json")
        let oldPassphrase = try installation.secret("the old passphrase")
        let old = try KeyDirectory.readRetiredKey(retired) { oldPassphrase }
        #expect(try KeyHierarchy(master: old).keyID == oldKeys.keyID)
    }

    @Test(arguments: KeyRotation.Step.allCases.filter { $0 != .finished })
    func anInterruptedPassphraseRotationRecoversToOneWorkingKey(step: KeyRotation.Step) async throws {
        let installation = try await PassphraseInstallation.make()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        let oldKeys = try installation.currentKeys()
        let before = try await installation.texts(oldKeys)
        let rotated = try installation.rotation.rotate(newPassphrase: installation.secret("the new passphrase"), limits: .minimum, stopAfter: step)
        let outcome = try installation.rotation.recover()
        if step < .committed {
            #expect(outcome == .rolledBack)
            #expect(try installation.currentKeys().keyID == oldKeys.keyID)
            #expect(try await installation.texts(oldKeys) == before)
        } else {
            #expect(outcome == .finished)
            try installation.setPassphrase("the new passphrase")
            #expect(try installation.currentKeys().keyID == rotated.newKeys.keyID)
            #expect(try await installation.texts(rotated.newKeys) == before)
        }
        #expect(try installation.rotation.recover() == .nothingToDo)
    }

    @Test func aFileKeyIsNotRotatedToAPassphraseNorAPassphraseKeyWithoutOne() async throws {
        let installation = try await PassphraseInstallation.make()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        #expect(throws: EngineError.keys("the master key is protected by a passphrase: rotating it needs a new passphrase")) {
            try installation.rotation.rotate(limits: .minimum)
        }
        #expect(throws: EngineError.keys("the new passphrase is the current one; choose another")) {
            try installation.rotation.rotate(newPassphrase: installation.secret("the old passphrase"), limits: .minimum)
        }
        #expect(try installation.rotation.recover() == .nothingToDo)

        // A key kept in master.key is replaced by a random key, never by a passphrase's.
        let fileKeys = KeyDirectory(url: installation.root.appendingPathComponent("file-keys"))
        try fileKeys.initialize()
        let fileRotation = KeyRotation(keys: fileKeys, dataDirectory: installation.data, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        #expect(throws: EngineError.keys("the master key is kept in master.key: it is replaced by a random key, not a passphrase")) {
            try fileRotation.rotate(newPassphrase: installation.secret("a brand new passphrase"), limits: .minimum)
        }
        #expect(!FileManager.default.fileExists(atPath: fileKeys.url.appendingPathComponent("master.key.next").path))
    }

    @Test func aPassphraseFileIsReadToTheEndOfItsFirstLineAndAnOverlongLineIsRefused() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("passphrase-file-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let file = root.appendingPathComponent("passphrase")
        func read(_ content: String) throws -> SecureBytes {
            try content.write(to: file, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
            return try MasterKeySources(passphraseFile: file).passphrase()
        }
        #expect(try read("a windows line\r\nsecond line\n").constantTimeEquals(SecureBytes(copying: Array("a windows line".utf8))))
        #expect(try read("no newline at the end").constantTimeEquals(SecureBytes(copying: Array("no newline at the end".utf8))))
        #expect(throws: EngineError.keys("the first line of \(file.path) is longer than 4095 bytes")) {
            _ = try read(String(repeating: "x", count: 5000))
        }
    }
}
