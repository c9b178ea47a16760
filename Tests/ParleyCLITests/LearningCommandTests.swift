import ArgumentParser
import Foundation
import Logging
@testable import ParleyCLI
import ParleyEngine
import ParleyStore
import Testing

/// `parley train`, `review`, `label`, `intents`, `learn` and `models` on a real data directory.
@Suite struct LearningCommandTests {
    private struct Installation {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cli-learning-\(UUID().uuidString)")
        var paths: [String] { ["--data-dir", root.appendingPathComponent("data").path, "--keys-dir", root.appendingPathComponent("keys").path] }

        func run<Command: AsyncParsableCommand>(_ arguments: [String], as _: Command.Type) async throws {
            var command = try #require(try Parley.parseAsRoot(arguments + paths) as? Command)
            try await command.run()
        }

        /// What a running server would do: customer messages through the engine.
        func say(_ messages: [(String, String)]) async throws {
            let global = try #require(try Parley.parseAsRoot(["keys", "status"] + paths) as? KeysStatus).global
            let context = try CommandContext(global)
            let engine = try await context.bootstrap.engine(trainIfMissing: false)
            for (conversation, text) in messages {
                _ = try await engine.handle(IncomingMessage(conversationID: conversation, text: text))
            }
            try engine.store.close()
        }

        func withStore<T>(_ body: (Store) async throws -> T) async throws -> T {
            let global = try #require(try Parley.parseAsRoot(["keys", "status"] + paths) as? KeysStatus).global
            let data = try CommandContext(global).open()
            let result = try await body(data.store)
            try data.store.close()
            return result
        }
    }

    @Test func theLoopRunsFromTheCommandLine() async throws {
        let installation = Installation()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        try await installation.run(["train"], as: Train.self)
        let first = try #require(try await installation.withStore { try await $0.modelState()?.activeVersion })
        try await installation.say([("cli-1", "Ωψζ ξϑφ"), ("cli-2", "at what hour do you start answering chats")])

        let item = try #require(try await installation.withStore { try await $0.reviewItems() }.first { $0.conversationID == "cli-1" })
        try await installation.run(["review", "label", String(item.id), "--intent", "out_of_scope"], as: ReviewLabel.self)
        try await installation.run(["label", "--conversation", "cli-2", "--seq", "1", "--intent", "opening_hours"], as: Label.self)
        await #expect(throws: EngineError.self) {
            try await installation.run(["label", "--conversation", "cli-2", "--seq", "1", "--intent", "gift_card"], as: Label.self)
        }
        try await installation.run(["label", "--conversation", "cli-2", "--seq", "1", "--intent", "gift_card", "--new-intent"], as: Label.self)
        #expect(try await installation.withStore { try await $0.candidateIntents() }.map(\.name) == ["gift_card"])
        try await installation.run(["intents", "map", "gift_card", "--to", "opening_hours"], as: IntentsMap.self)
        #expect(try await installation.withStore { try await $0.label(conversationID: "cli-2", seq: 1)?.intent } == "opening_hours")

        try await installation.run(["learn", "--force", "--json"], as: Learn.self)
        let second = try #require(try await installation.withStore { try await $0.modelState()?.activeVersion })
        #expect(second != first)
        try await installation.run(["models", "show", second, "--labels"], as: ModelsShow.self)
        try await installation.run(["models", "diff", first, second, "--json"], as: ModelsDiff.self)
        try await installation.run(["models", "rollback"], as: ModelsRollback.self)
        #expect(try await installation.withStore { try await $0.modelState()?.activeVersion } == first)
        await #expect(throws: EngineError.self) { try await installation.run(["models", "promote", second], as: ModelsPromote.self) }
        try await installation.run(["models", "promote", second, "--force"], as: ModelsPromote.self)
        try await installation.run(["models", "shadow", first], as: ModelsShadow.self)
        try await installation.run(["models", "shadow-report", "--json"], as: ModelsShadowReport.self)
        try await installation.run(["models", "shadow", "--stop"], as: ModelsShadow.self)
        try await installation.run(["models", "list"], as: ModelsList.self)
        #expect(try await installation.withStore { try await $0.modelState()?.shadowVersion } == nil)
        #expect(throws: (any Error).self) { _ = try Parley.parseAsRoot(["models", "shadow"]) }
        #expect(throws: (any Error).self) { _ = try Parley.parseAsRoot(["intents", "add", "x"]) }
        await #expect(throws: EngineError.self) {
            try await installation.run(["label", "--conversation", "cli-2", "--seq", "1", "--intent", "order_status", "--entity", "order_id:x"], as: Label.self)
        }
    }
}
