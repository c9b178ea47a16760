import ArgumentParser
import Foundation
@testable import ParleyCLI
import ParleyStore
import Testing

/// `parley retention`, `hold`, `erase` and `export` on a real data directory.
@Suite struct RetentionCommandTests {
    private struct Installation {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cli-retention-\(UUID().uuidString)")
        var paths: [String] { ["--data-dir", root.appendingPathComponent("data").path, "--keys-dir", root.appendingPathComponent("keys").path] }

        func run<Command: AsyncParsableCommand>(_ arguments: [String], as _: Command.Type) async throws {
            var command = try #require(try Parley.parseAsRoot(arguments + paths) as? Command)
            try await command.run()
        }

        func withStore<T>(_ body: (Store) async throws -> T) async throws -> T {
            let global = try #require(try Parley.parseAsRoot(["keys", "status"] + paths) as? KeysStatus).global
            let data = try CommandContext(global).open()
            let result = try await body(data.store)
            try data.store.close()
            return result
        }
    }

    @Test func holdsAreAddedListedAndReleasedAndBadOnesRefused() async throws {
        let installation = Installation()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        try await installation.run(["crm", "import", starterCRM], as: CRMImport.self)
        try await installation.run(["hold", "add", "--customer", "C-1001", "--reason", "case 4", "--authority", "legal"], as: HoldAdd.self)
        let hold = try #require(try await installation.withStore { try await $0.legalHolds(activeOnly: true) }.first)
        #expect(hold.customerID == "C-1001")
        try await installation.run(["hold", "release", hold.id], as: HoldRelease.self)
        #expect(try await installation.withStore { try await $0.legalHolds(activeOnly: true) }.isEmpty)
        await #expect(throws: (any Error).self) {
            try await installation.run(["hold", "add", "--customer", "C-0000", "--reason", "r", "--authority", "a"], as: HoldAdd.self)
        }
        #expect(throws: (any Error).self) {
            _ = try Parley.parseAsRoot(["hold", "add", "--customer", "C-1001", "--conversation", "x", "--reason", "r", "--authority", "a"])
        }
        #expect(throws: (any Error).self) {
            _ = try Parley.parseAsRoot(["hold", "add", "--from", "2026-01-01", "--reason", "r", "--authority", "a"])
        }
    }

    @Test func eraseWritesTheReceiptAndExportRefusesTheErasedCustomer() async throws {
        let installation = Installation()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        try await installation.run(["crm", "import", starterCRM], as: CRMImport.self)
        let export = installation.root.appendingPathComponent("export.json").path
        try await installation.run(["export", "--customer", "C-1001", "--out", export], as: Export.self)
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: export))) as? [String: Any]
        #expect(document?["format"] as? String == "parley-subject-access")
        #expect(((try FileManager.default.attributesOfItem(atPath: export))[.posixPermissions] as? Int) == 0o600)

        let receipt = installation.root.appendingPathComponent("receipt.jsonl").path
        try await installation.run(["erase", "--customer", "C-1001", "--request-id", "DSR-CLI", "--receipt", receipt], as: Erase.self)
        #expect(try String(contentsOfFile: receipt, encoding: .utf8).contains("erasure.complete"))
        #expect(try await installation.withStore { try await $0.crmCustomer(id: "C-1001") } == nil)
        await #expect(throws: (any Error).self) {
            try await installation.run(["export", "--customer", "C-1001", "--out", export + ".2"], as: Export.self)
        }
        #expect(!FileManager.default.fileExists(atPath: export + ".2"))
    }

    @Test func planPrintsJSONAndApplyRecordsARun() async throws {
        let installation = Installation()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        try await installation.run(["retention", "plan", "--json"], as: RetentionPlanCommand.self)
        try await installation.run(["retention", "apply"], as: RetentionApply.self)
        let runs = try await installation.withStore { try await $0.retentionRuns() }
        #expect(runs.count == 1)
        #expect(runs.first?.status == .complete)
    }
}

/// The starter bot's CRM files.
private let starterCRM = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("bot/crm").path
