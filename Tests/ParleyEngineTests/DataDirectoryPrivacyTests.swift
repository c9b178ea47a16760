import Foundation
import ParleyEngine
import ParleyStore
import ParleyTestSupport
import Testing

/// The whole installation on disk, every file of every directory: after a
/// conversation, an agent's feedback and a model retrained on it, the
/// customer's words are nowhere in clear, nor any SQLite page.
@Suite struct DataDirectoryPrivacyTests {
    static let marker = "zorblaxquuxify"

    /// Every regular file under `root`, recursively (models/, retired keys, ...).
    static func files(under root: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        return (enumerator?.allObjects as? [URL] ?? []).filter { url in
            (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
    }

    static func expectNothingInClear(under root: URL, _ moment: String) throws {
        let needles = [marker, "SQLite format 3", "CREATE TABLE"].flatMap { text in
            [Data(text.utf8), text.data(using: .utf16LittleEndian)!, text.data(using: .utf16BigEndian)!]
        }
        let files = files(under: root)
        #expect(files.contains { $0.path.contains("/models/") }, "no model file to check (\(moment))")
        for file in files {
            let bytes = try Data(contentsOf: file)
            for needle in needles {
                #expect(bytes.range(of: needle) == nil, "\(file.path) holds a clear value \(moment)")
            }
        }
    }

    @Test func noFileOfTheInstallationHoldsTheCustomersWordsAfterFeedbackAndRetraining() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("privacy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let configuration = StarterBot.configuration(installedUnder: root)
        let bootstrap = EngineBootstrap(configuration: configuration, logger: LogRecorder().logger)
        let engine = try await bootstrap.engine(trainIfMissing: true)

        let text = "I need to discuss a billing issue with a representative about \(Self.marker)"
        let reply = try await engine.handle(IncomingMessage(conversationID: "priv-1", text: text))
        #expect(reply.status == .handoff)
        _ = try await engine.store.claim(conversationID: "priv-1", agent: "agent-1", now: Date())
        _ = try await engine.store.resolve(
            conversationID: "priv-1", agent: "agent-1", correctIntent: "billing_dispute", note: "customer said \(Self.marker)", now: Date()
        )
        // The feedback the model learns from holds the marker...
        let feedback = try await engine.store.feedbackExamples()
        #expect(feedback.contains { $0.text.contains(Self.marker) })
        let model = try Training.train(bot: engine.bot, feedback: feedback, logger: LogRecorder().logger)
        try await bootstrap.models(store: engine.store).save(model, activate: true)
        // ...and no file does, while the store is open (WAL and -shm in use)...
        try Self.expectNothingInClear(under: root, "while the store is open")
        // ...nor once it is closed.
        try engine.store.close()
        try Self.expectNothingInClear(under: root, "after the store is closed")
    }
}
