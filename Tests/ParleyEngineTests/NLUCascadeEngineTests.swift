import Foundation
import ParleyEngine
import ParleyNLU
import ParleyTestSupport
import Testing

/// The engine with and without the sentence encoder: loud when it is missing
/// or damaged, linear-only then, and every turn's audit entry names the stage.
@Suite struct NLUCascadeEngineTests {
    static let encoderFile = StarterBot.root.appendingPathComponent("packaging/out/encoder/all-minilm-l6-v2.parleyenc")
    static var encoderAvailable: Bool { FileManager.default.fileExists(atPath: encoderFile.path) }

    static func installation() -> (root: URL, configuration: ParleyConfiguration) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cascade-\(UUID().uuidString)")
        return (root, StarterBot.configuration(installedUnder: root))
    }

    static func handledTurn(_ engine: ParleyEngine, text: String, conversation: String) async throws -> [String: String] {
        _ = try await engine.handle(IncomingMessage(conversationID: conversation, text: text))
        let size = try await engine.store.auditFrontier().size
        let entries = try await engine.audit.entries(1...size)
        return try #require(entries.last { $0.action == "turn.handled" }).details
    }

    @Test func aMissingEncoderFileIsSaidLoudlyAndTheEngineRunsLinearOnly() async throws {
        var (root, configuration) = Self.installation()
        defer { try? FileManager.default.removeItem(at: root) }
        configuration.paths.encoderFile = root.appendingPathComponent("nowhere.parleyenc")
        let log = LogRecorder()
        let engine = try await EngineBootstrap(configuration: configuration, logger: log.logger).engine(trainIfMissing: true)
        #expect(log.text.contains("the sentence encoder cannot be used: the NLU runs linear-only"))
        #expect(log.text.contains("it does not exist"))
        #expect(engine.nluStatus == .noEncoder)
        #expect(engine.model.hybrid == nil)
        let details = try await Self.handledTurn(engine, text: "What is the status of order #12345?", conversation: "linear-1")
        #expect(details["nlu_stage"] == "linear_only")
        #expect(details["out_of_scope"] == "false")
    }

    @Test(.enabled(if: encoderAvailable))
    func aDamagedEncoderFileIsSaidLoudlyAndTheEngineRunsLinearOnly() async throws {
        var (root, configuration) = Self.installation()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let damaged = root.appendingPathComponent("damaged.parleyenc")
        try Data(contentsOf: Self.encoderFile).prefix(4096).write(to: damaged)
        configuration.paths.encoderFile = damaged
        let log = LogRecorder()
        let engine = try await EngineBootstrap(configuration: configuration, logger: log.logger).engine(trainIfMissing: true)
        #expect(log.text.contains("the sentence encoder cannot be used"))
        #expect(log.text.contains("checksum does not match"))
        #expect(engine.nluStatus == .noEncoder)
    }

    @Test(.enabled(if: encoderAvailable))
    func withTheEncoderTheModelGetsTheCascadeItsCacheIsSealedAndRetrainingEmbedsNothingNew() async throws {
        let (root, configuration) = Self.installation()
        defer { try? FileManager.default.removeItem(at: root) }
        let log = LogRecorder()
        let bootstrap = EngineBootstrap(configuration: configuration, logger: log.logger)
        let engine = try await bootstrap.engine(trainIfMissing: true)
        #expect(log.text.contains("sentence encoder loaded"))
        #expect(log.text.contains("hybrid stage trained"))
        #expect(engine.nluStatus == .cascade)
        let hybrid = try #require(engine.model.metadata.hybrid)
        #expect(hybrid.encoderName == "all-MiniLM-L6-v2")

        let cache = bootstrap.models.directory.appendingPathComponent("embeddings.cache")
        #expect(ModelRepository.isSealed(fileAt: cache))

        let details = try await Self.handledTurn(engine, text: "What is the status of order #12345?", conversation: "cascade-1")
        #expect(["linear", "hybrid"].contains(details["nlu_stage"]))

        // Retraining (as 'parley train' does) finds every training text's embedding in the sealed cache.
        let again = LogRecorder()
        let retrainer = EngineBootstrap(configuration: configuration, logger: again.logger)
        let learning = try await retrainer.learningService(store: engine.store, audit: engine.audit)
        let model = try await learning.train(activate: false, by: .system).model
        #expect(model.hybrid != nil)
        #expect(again.all.contains { $0.contains("training texts embedded") && $0.contains("train.embedded=0") })
    }
}
