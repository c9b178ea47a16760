import ArgumentParser
import ParleyAudit

struct AuditVerifyConsistency: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-consistency",
        abstract: "Verify offline, with the public key alone, a file written by 'parley audit consistency --out' against the old checkpoint you kept.",
        discussion: """
            Checks both checkpoints' signatures and origins, that the proof is for their
            sizes, and that the new log extends the old one. Exits non-zero unless it
            does. No data directory or key is needed. Format: man parley-audit-format,
            CONSISTENCY BETWEEN CHECKPOINTS.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The old checkpoint (signed note) kept from earlier.")
    var oldCheckpoint: String

    @Argument(help: "The file written by 'parley audit consistency --out'.")
    var file: String

    @Option(help: "File holding the verifier key printed by 'parley audit public-key' (one line; LF or CR LF end optional).")
    var publicKey: String

    @Option(help: "File holding the verifier key the old checkpoint was signed with, if the master key was rotated since.")
    var oldPublicKey: String?

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() async throws {
        let key = try VerifierKeyFile.read(publicKey)
        let oldKey = try oldPublicKey.map(VerifierKeyFile.read)
        let report = ConsistencyFile.verify(
            oldCheckpointNote: try readInputFile(oldCheckpoint), file: try readInputFile(file),
            verifierKey: key, oldVerifierKey: oldKey
        )
        if json { try printJSON(report) } else { print(report.summary) }
        if !report.isVerified { throw ExitCode.failure }
    }
}
