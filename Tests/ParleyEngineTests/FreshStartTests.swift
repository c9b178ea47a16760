import Foundation
import ParleyEngine
import ParleyTestSupport
import Testing

/// What `parley serve` does on a fresh checkout: data directory, master key,
/// database, CRM seed and a model trained on the spot, with progress in the log.
@Suite struct FreshStartTests {
    @Test func aFreshInstallationIsSetUpTrainedAndAnswersTheSeedDialogue() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fresh-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let configuration = StarterBot.configuration(installedUnder: root)

        let log = LogRecorder()
        let bootstrap = EngineBootstrap(configuration: configuration, logger: log.logger)
        let engine = try await bootstrap.engine(trainIfMissing: true)
        #expect(log.text.contains("created a new master key"))
        #expect(log.text.contains("training progress"))
        #expect(log.text.contains("seeded the local CRM"))
        let mode = { (url: URL) in (try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]) as? Int }
        #expect(mode(configuration.paths.dataDirectory) == 0o700)
        #expect(mode(configuration.paths.keysDirectory.appendingPathComponent("master.key")) == 0o600)
        #expect(try bootstrap.models.activeVersion() == engine.model.metadata.version)
        let modelFile = bootstrap.models.url(of: engine.model.metadata.version)
        #expect(ModelRepository.isSealed(fileAt: modelFile))

        let reply = try await engine.handle(IncomingMessage(conversationID: "fresh-1", text: "What is the status of order #12345?"))
        #expect(reply.replies == ["Your order #12345 is currently being processed and is expected to ship by tomorrow."])

        // The next start finds the model and trains nothing.
        let again = LogRecorder()
        let restarted = try await EngineBootstrap(configuration: configuration, logger: again.logger).engine(trainIfMissing: true)
        #expect(!again.text.contains("training progress"))
        #expect(restarted.model.metadata.version == engine.model.metadata.version)

        // A damaged model file is said loudly and replaced by a new training.
        var damaged = try Data(contentsOf: modelFile)
        damaged[damaged.count / 2] ^= 1
        try damaged.write(to: modelFile)
        let third = LogRecorder()
        _ = try await EngineBootstrap(configuration: configuration, logger: third.logger).engine(trainIfMissing: true)
        #expect(third.text.contains("the active model cannot be used"))
        #expect(third.text.contains("training progress"))
    }
}
