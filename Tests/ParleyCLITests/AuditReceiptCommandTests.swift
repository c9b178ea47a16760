import ArgumentParser
import Foundation
import ParleyAudit
@testable import ParleyCLI
import Testing

/// The officer's offline commands end to end: a receipt written by
/// `audit receipt` verifies with `audit verify-receipt`; a period without
/// entries exports as an empty bundle that `audit verify` accepts; the
/// `audit consistency --out` file verifies with `audit verify-consistency`.
@Suite struct AuditReceiptCommandTests {
    struct Installation {
        let root: URL
        var paths: [String] { ["--data-dir", root.appendingPathComponent("data").path, "--keys-dir", root.appendingPathComponent("keys").path] }

        func file(_ name: String) -> String { root.appendingPathComponent(name).path }

        func run<Command: AsyncParsableCommand>(_ arguments: [String], as _: Command.Type) async throws {
            var command = try #require(try Parley.parseAsRoot(arguments) as? Command)
            try command.validate()
            try await command.run()
        }

        /// Opens the installation and writes its verifier key to a key file.
        func keyFile() async throws -> (path: String, data: OpenedData) {
            let global = try #require(try Parley.parseAsRoot(["keys", "status"] + paths) as? KeysStatus).global
            let data = try CommandContext(global).open()
            let path = file("audit.key")
            try Data((data.audit.verifierKey.description + "\n").utf8).write(to: URL(fileURLWithPath: path))
            return (path, data)
        }
    }

    static func installation() async throws -> Installation {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cli-receipt-\(UUID().uuidString)")
        let installation = Installation(root: root)
        try await installation.run(["tokens", "create", "--role", "auditor"] + installation.paths, as: TokensCreate.self)
        return installation
    }

    @Test func aReceiptWrittenByTheCommandVerifiesOfflineAndATamperedOneFails() async throws {
        let installation = try await Self.installation()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        let receipt = installation.file("receipt.jsonl")
        try await installation.run(["audit", "receipt", "1", "--out", receipt] + installation.paths, as: AuditReceiptCommand.self)
        let (key, data) = try await installation.keyFile()
        let text = try String(contentsOfFile: receipt, encoding: .utf8)
        #expect(AuditReceipt.verify(text, verifierKey: data.audit.verifierKey).entry?.sequence == 1)
        try await installation.run(["audit", "verify-receipt", receipt, "--public-key", key, "--json"], as: AuditVerifyReceipt.self)

        let tampered = installation.file("tampered.jsonl")
        try Data(text.replacingOccurrences(of: #""seq":1,"#, with: #""seq":2,"#).utf8).write(to: URL(fileURLWithPath: tampered))
        await #expect(throws: ExitCode.failure) {
            try await installation.run(["audit", "verify-receipt", tampered, "--public-key", key], as: AuditVerifyReceipt.self)
        }
        // The request for the receipt is itself on the record, and sequence numbers beyond the log are a clear error.
        let size = try await data.store.auditFrontier().size
        #expect(try await data.audit.entries(1...size).contains { $0.action == "audit.receipt" && $0.details["sequence"] == "1" })
        await #expect(throws: ValidationError.self) {
            try await installation.run(["audit", "receipt", "999", "--out", installation.file("none.jsonl")] + installation.paths,
                                       as: AuditReceiptCommand.self)
        }
        #expect(!FileManager.default.fileExists(atPath: installation.file("none.jsonl")))
    }

    @Test func keyFilesWithAnythingButTheKeyAndOneLineEndAreRefused() async throws {
        let installation = try await Self.installation()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        let receipt = installation.file("receipt.jsonl")
        try await installation.run(["audit", "receipt", "1", "--out", receipt] + installation.paths, as: AuditReceiptCommand.self)
        let (_, data) = try await installation.keyFile()
        let key = data.audit.verifierKey.description
        let crlf = installation.file("crlf.key")
        try Data((key + "\r\n").utf8).write(to: URL(fileURLWithPath: crlf))
        try await installation.run(["audit", "verify-receipt", receipt, "--public-key", crlf], as: AuditVerifyReceipt.self)
        for (name, content) in [("spaced.key", key + " \n"), ("two.key", key + "\n\n"), ("bom.key", "\u{FEFF}" + key)] {
            let path = installation.file(name)
            try Data(content.utf8).write(to: URL(fileURLWithPath: path))
            await #expect(throws: ValidationError.self, "\(name)") {
                try await installation.run(["audit", "verify-receipt", receipt, "--public-key", path], as: AuditVerifyReceipt.self)
            }
        }
        await #expect(throws: ValidationError.self) {
            try await installation.run(["audit", "verify-receipt", receipt, "--public-key", installation.file("missing.key")], as: AuditVerifyReceipt.self)
        }
    }

    @Test func aPeriodGivenAsPlainDatesWithoutEntriesExportsAnEmptyBundleThatVerifies() async throws {
        let installation = try await Self.installation()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        let bundle = installation.file("empty.jsonl")
        try await installation.run(["audit", "export", "--from", "2020-01-01", "--to", "2020-02-01", "--out", bundle] + installation.paths,
                                   as: AuditExport.self)
        let (key, data) = try await installation.keyFile()
        let report = AuditBundleVerifier.verify(bundleBytes: Array(try Data(contentsOf: URL(fileURLWithPath: bundle))), verifierKey: data.audit.verifierKey)
        #expect(report.isVerified && report.empty == true, "\(report.summary)")
        #expect(report.periodFrom == "2020-01-01T00:00:00.000Z" && report.periodTo == "2020-02-01T00:00:00.000Z")
        #expect(report.firstSequence == 1 && report.lastSequence == 0)
        try await installation.run(["audit", "verify", bundle, "--public-key", key], as: AuditVerify.self)

        let csv = installation.file("empty.csv")
        try await installation.run(["audit", "export", "--from", "2020-01-01", "--to", "2020-02-01T00:00:00Z", "--format", "csv", "--out", csv]
                                   + installation.paths, as: AuditExport.self)
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == AuditCSV.header.joined(separator: ",") + "\r\n")
        for bad in [["--from", "2020-13-01", "--to", "2020-02-01"], ["--from", "2020-02-01", "--to", "2020-01-01"], ["--from", "01/02/2020", "--to", "2020-02-01"]] {
            #expect(throws: (any Error).self, "\(bad)") {
                let command = try #require(try Parley.parseAsRoot(["audit", "export"] + bad + ["--out", installation.file("x")]) as? AuditExport)
                try command.validate()
            }
        }
    }

    @Test func theConsistencyFileVerifiesOfflineAgainstTheKeptCheckpoint() async throws {
        let installation = try await Self.installation()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        let (key, data) = try await installation.keyFile()
        let (_, oldNote) = try await data.audit.checkpoint()
        let old = installation.file("old.note")
        try Data(oldNote.utf8).write(to: URL(fileURLWithPath: old))
        try await installation.run(["tokens", "create", "--role", "agent"] + installation.paths, as: TokensCreate.self)
        let file = installation.file("consistency.txt")
        try await installation.run(["audit", "consistency", old, "--out", file] + installation.paths, as: AuditConsistency.self)
        try await installation.run(["audit", "verify-consistency", old, file, "--public-key", key, "--json"], as: AuditVerifyConsistency.self)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let forged = installation.file("forged.txt")
        try Data(text.replacingOccurrences(of: #""old_size":"#, with: #""old_size":1"#).utf8).write(to: URL(fileURLWithPath: forged))
        await #expect(throws: ExitCode.failure) {
            try await installation.run(["audit", "verify-consistency", old, forged, "--public-key", key], as: AuditVerifyConsistency.self)
        }
    }
}
