import ArgumentParser
import Foundation
import ParleyAudit
@testable import ParleyCLI
import Testing

/// CLI commands that read keys or the audit log leave an entry, failures included.
@Suite struct AuditedCommandTests {
    @Test func publicKeyStatusAndAFailedExportAreOnTheRecord() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cli-audit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let paths = ["--data-dir", root.appendingPathComponent("data").path, "--keys-dir", root.appendingPathComponent("keys").path]

        try await (try #require(try Parley.parseAsRoot(["tokens", "create", "--role", "auditor"] + paths) as? TokensCreate)).run()
        try await (try #require(try Parley.parseAsRoot(["audit", "public-key"] + paths) as? AuditPublicKey)).run()
        try await (try #require(try Parley.parseAsRoot(["keys", "status"] + paths) as? KeysStatus)).run()
        let unwritable = root.appendingPathComponent("no-such-directory/bundle.jsonl").path
        let export = try #require(try Parley.parseAsRoot([
            "audit", "export", "--from", "2020-01-01T00:00:00Z", "--to", "2099-01-01T00:00:00Z", "--out", unwritable,
        ] + paths) as? AuditExport)
        await #expect(throws: (any Error).self) { try await export.run() }

        let global = try #require(try Parley.parseAsRoot(["keys", "status"] + paths) as? KeysStatus).global
        let data = try CommandContext(global).open()
        let size = try await data.store.auditFrontier().size
        let entries = try await data.audit.entries(1...size)
        #expect(entries.contains { $0.action == "audit.public_key" && $0.outcome == .success })
        #expect(entries.contains { $0.action == "key.status" && $0.outcome == .success })
        #expect(entries.contains { $0.action == "audit.export" && $0.outcome == .failure })
        #expect(!entries.contains { $0.action == "audit.export" && $0.outcome == .success })
        #expect(try await data.audit.verifyStoredLog().verified)
    }
}
