import Foundation
import ParleyCrypto
import ParleyEngine
import ParleyNLU
import ParleyTestSupport
import Testing

/// Model files are sealed under the installation's model key: nothing of the
/// model is readable on disk, a renamed or foreign file does not open, and a
/// plain file of an earlier version is sealed when it is first read.
@Suite struct ModelRepositoryTests {
    private func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("models-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aSavedModelIsSealedAndLoadsBack() throws {
        let root = try directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = ModelRepository(dataDirectory: root, sealingKey: try SymmetricKey.random())
        let model = StarterBot.model
        try repository.save(model, activate: true)
        let bytes = try Data(contentsOf: repository.url(of: model.metadata.version))
        #expect(bytes.prefix(8) == Data("PRLMSEAL".utf8))
        for clear in ["PARLEYNL", "order_status", model.metadata.trainingDataHash] {
            #expect(bytes.range(of: Data(clear.utf8)) == nil, "\(clear) in clear")
        }
        let loaded = try #require(try repository.loadActive())
        #expect(loaded.metadata == model.metadata)
        #expect(try repository.read(fileAt: repository.url(of: model.metadata.version)).metadata.version == model.metadata.version)
    }

    @Test func aSealedModelDoesNotOpenWithoutItsKeyWithAnotherKeyOrUnderAnotherName() throws {
        let root = try directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = ModelRepository(dataDirectory: root, sealingKey: try SymmetricKey.random())
        let version = StarterBot.model.metadata.version
        try repository.save(StarterBot.model, activate: true)
        #expect(throws: EngineError.self) { try ModelRepository(dataDirectory: root).loadActive() }
        #expect(throws: EngineError.self) { try ModelRepository(dataDirectory: root, sealingKey: try SymmetricKey.random()).loadActive() }
        let renamed = repository.url(of: version + "-copy")
        try FileManager.default.copyItem(at: repository.url(of: version), to: renamed)
        #expect(throws: EngineError.self) { try repository.activate(version + "-copy") }
        var damaged = try Data(contentsOf: repository.url(of: version))
        damaged[damaged.count / 2] ^= 1
        try damaged.write(to: repository.url(of: version))
        #expect(throws: EngineError.self) { try repository.loadActive() }
    }

    @Test func aPlainModelFileOfAnEarlierVersionIsSealedWhenRead() throws {
        let root = try directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let plain = ModelRepository(dataDirectory: root)
        try plain.save(StarterBot.model, activate: true)
        let url = plain.url(of: StarterBot.model.metadata.version)
        #expect(try Data(contentsOf: url).prefix(8) == Data("PARLEYNL".utf8))
        #expect(!ModelRepository.isSealed(fileAt: url))

        let sealed = ModelRepository(dataDirectory: root, sealingKey: try SymmetricKey.random())
        #expect(try sealed.loadActive()?.metadata.version == StarterBot.model.metadata.version)
        #expect(ModelRepository.isSealed(fileAt: url))
        #expect(try sealed.loadActive()?.metadata.version == StarterBot.model.metadata.version)
    }
}
