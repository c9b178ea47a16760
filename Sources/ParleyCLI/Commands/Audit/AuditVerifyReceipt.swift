import ArgumentParser
import ParleyAudit

struct AuditVerifyReceipt: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-receipt",
        abstract: "Verify an entry receipt (an erasure's, for instance) offline with the public key alone.",
        discussion: """
            Checks the checkpoint's signature, the entry's inclusion proof and the signed
            receipt statement, then prints the entry: its time, actor, action, target,
            outcome and details. Exits non-zero unless the receipt verifies. No data
            directory or key is needed. Format: man parley-audit-format, ENTRY RECEIPTS.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The receipt (JSONL).")
    var file: String

    @Option(help: "File holding the verifier key printed by 'parley audit public-key' (one line; LF or CR LF end optional).")
    var publicKey: String

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() async throws {
        let key = try VerifierKeyFile.read(publicKey)
        let report = AuditReceipt.verify(bytes: try readInputFile(file), verifierKey: key)
        if json { try printJSON(report) } else { print(report.summary) }
        if !report.isVerified { throw ExitCode.failure }
    }
}
