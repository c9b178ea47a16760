import ArgumentParser
import Foundation
import Logging
import ParleyCrypto
@testable import ParleyCLI
import ParleyEngine
import Testing

@Suite struct KeysCommandTests {
    private let root = FileManager.default.temporaryDirectory.appendingPathComponent("cli-keys-\(UUID().uuidString)")
    private var keysDirectory: URL { root.appendingPathComponent("keys") }
    private var paths: [String] { ["--data-dir", root.appendingPathComponent("data").path, "--keys-dir", keysDirectory.path] }

    private func mode(_ url: URL) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
    }

    @Test func initCreatesAPrivateKeyOnceAndRefusesToReplaceIt() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        var command = try #require(try Parley.parseAsRoot(["keys", "init"] + paths) as? KeysInit)
        try await command.run()
        let key = keysDirectory.appendingPathComponent(KeyDirectory.masterKeyFile)
        #expect(try mode(keysDirectory) == 0o700)
        #expect(try mode(key) == 0o600)
        let bytes = try Data(contentsOf: key)
        #expect(bytes.count == 32)

        var again = try #require(try Parley.parseAsRoot(["keys", "init"] + paths) as? KeysInit)
        await #expect(throws: EngineError.keys("a master key already exists in \(keysDirectory.path); refusing to replace it (use 'parley keys rotate')")) {
            try await again.run()
        }
        #expect(try Data(contentsOf: key) == bytes)
    }

    @Test func statusDescribesTheKeyInUseAndItsRetiredKeysWithoutASecret() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = KeyDirectory(url: keysDirectory)
        let first = try directory.initialize()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("data"), withIntermediateDirectories: true)
        let rotation = KeyRotation(keys: directory, dataDirectory: root.appendingPathComponent("data"), logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let rotated = try rotation.rotate()
        let master = try directory.loadMasterKey()

        let stored = try directory.description()
        let inUse = try KeysStatus.keyInUse(directory, stored: stored, loaded: nil)
        #expect(inUse.keyID == rotated.newKeys.keyID)
        #expect(inUse.createdAt != nil)
        #expect(inUse.source == "file")
        let retired = KeysStatus.retiredKeys(in: keysDirectory.appendingPathComponent("retired"))
        #expect(retired.map(\.keyID) == [first.keyID])
        #expect(retired.first?.kind == "key file")
        #expect(retired.first?.retiredAt != nil)

        let status = KeysStatus.Status(key: inUse, databaseID: nil, keyringID: nil, retired: retired)
        let json = String(decoding: try JSONEncoder().encode(status), as: UTF8.self)
        #expect(!json.contains(Hex.encode(master.bytes.withUnsafeBytes { Array($0) })))
        #expect(json.contains("\"key_id\":\"\(rotated.newKeys.keyID)\""))
    }

    @Test func aSystemdCredentialIsDescribedAsTheKeyInUseEvenBesideAnotherKeysDescription() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let credentials = root.appendingPathComponent("credentials")
        try FileManager.default.createDirectory(at: credentials, withIntermediateDirectories: true)
        let credential = try RandomBytes.generate(count: 32)
        try Data(credential).write(to: credentials.appendingPathComponent(KeyDirectory.credentialName))
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: credentials.appendingPathComponent(KeyDirectory.credentialName).path)
        try KeyDirectory(url: keysDirectory).initialize()  // a master.json for some other key

        let directory = KeyDirectory(url: keysDirectory, sources: MasterKeySources(credentialsDirectory: credentials))
        let inUse = try KeysStatus.keyInUse(directory, stored: directory.description(), loaded: nil)
        #expect(inUse.keyID == (try KeyHierarchy(master: SymmetricKey(copying: credential)).keyID))
        #expect(inUse.createdAt == nil)
        #expect(inUse.source == "systemd credential \(KeyDirectory.credentialName)")
    }
}
