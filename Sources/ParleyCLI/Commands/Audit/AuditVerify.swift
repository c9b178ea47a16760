import ArgumentParser
import Foundation
import ParleyAudit
import ParleyEngine

struct AuditVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify an exported bundle offline with the public key alone, or (--database) the whole stored log.",
        discussion: """
            A bundle is checked for the checkpoint's signature, every entry's inclusion
            proof and sequence continuity; the first bad entry is named by sequence
            number. An empty bundle (a period without entries) is checked for the
            neighbouring entries that prove the period empty. Exits non-zero on any
            failure. No data directory or key is needed to verify a bundle. With
            --database, a data directory that cannot be written (a copy on read-only
            media) is read without writing anything; the verification is then not
            recorded in its audit log.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The exported bundle (JSONL).")
    var file: String?

    @Option(help: "File holding the verifier key printed by 'parley audit public-key' (one line; LF or CR LF end optional).")
    var publicKey: String?

    @Flag(help: "Verify the installation's stored log instead of a bundle.")
    var database = false

    @Flag(help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        if database {
            if file != nil { throw ValidationError("give a bundle or --database, not both") }
        } else {
            guard file != nil, publicKey != nil else { throw ValidationError("give a bundle and --public-key KEYFILE (or --database)") }
        }
    }

    func run() async throws {
        guard let file, let publicKey else { return try await verifyDatabase() }
        let key = try VerifierKeyFile.read(publicKey)
        let report = AuditBundleVerifier.verify(bundleBytes: try readInputFile(file), verifierKey: key)
        if json { try printJSON(report) } else { print(report.summary) }
        if !report.isVerified { throw ExitCode.failure }
    }

    private func verifyDatabase() async throws {
        let context = try CommandContext(global)
        let readOnly = context.dataDirectoryIsReadOnly
        let data = try readOnly ? context.openForReading() : context.open()
        let report = try await data.audit.verifyStoredLog()
        var details = ["scope": "database", "size": String(report.size)]
        if let bad = report.firstBadSequence { details["first_bad_sequence"] = String(bad) }
        if readOnly {
            FileHandle.standardError.write(Data("note: the data directory is read-only; this verification is not recorded in its audit log\n".utf8))
        } else {
            try await context.record(Principal.localUser().event("audit.verify", outcome: report.verified ? .success : .failure, details: details), in: data)
        }
        if json { try printJSON(report) } else if report.verified {
            print("verified: \(report.size) entries\(report.checkpointSize.map { "; newest checkpoint at \($0)" } ?? "")")
        } else {
            print("FAILED: \(report.failure ?? "unknown failure")")
        }
        if !report.verified { throw ExitCode.failure }
    }
}
