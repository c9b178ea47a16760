import ArgumentParser
import Foundation
import ParleyAudit
import ParleyEngine

struct AuditConsistency: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consistency",
        abstract: "Prove that today's log extends an older signed checkpoint (RFC 9162 consistency proof).",
        discussion: """
            Signs a checkpoint of today's log, proves that the old checkpoint's tree is a
            prefix of it, and verifies the proof. A rewritten history fails. --out writes
            the proof and the new checkpoint (man parley-audit-format, "Consistency
            file"), which 'parley audit verify-consistency OLD FILE --public-key KEYFILE'
            verifies elsewhere.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A checkpoint (signed note) kept from earlier.")
    var oldCheckpoint: String

    @Option(help: "Write the proof and the new checkpoint to this file.")
    var out: String?

    @Option(help: "File holding the verifier key the old checkpoint was signed with, if the master key was rotated since.")
    var oldPublicKey: String?

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() async throws {
        let note: String
        do { note = try String(contentsOfFile: oldCheckpoint, encoding: .utf8) } catch {
            throw ValidationError("cannot read \(oldCheckpoint)")
        }
        let oldKey = try oldPublicKey.map(VerifierKeyFile.read)
        let context = try CommandContext(global)
        let data = try context.open()
        do {
            let (proof, newNote, report) = try await data.audit.consistency(from: note, oldVerifierKey: oldKey)
            try await context.record(Principal.localUser().event("audit.consistency", details: [
                "old_size": String(report.oldSize), "new_size": String(report.newSize),
            ]), in: data)
            if let out {
                try ConsistencyFile.text(proof: proof, newCheckpointNote: newNote).write(toFile: out, atomically: true, encoding: .utf8)
            }
            if json { try printJSON(report) } else { print(report.summary) }
        } catch {
            try await context.record(Principal.localUser().event("audit.consistency", outcome: .failure, details: [:]), in: data)
            print("FAILED: \(error)")
            throw ExitCode.failure
        }
    }
}
