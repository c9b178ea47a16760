import ArgumentParser
import ParleyEngine

struct AuditPublicKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "public-key",
        abstract: "Print the verifier key of this installation's audit checkpoints (for officers to keep)."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let context = try CommandContext(global)
        let data = try context.open()
        try await context.record(Principal.localUser().event("audit.public_key"), in: data)
        print(data.audit.verifierKey.description)
    }
}

struct AuditCheckpoint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Sign a checkpoint of the log now and print it (keep it to prove consistency later)."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let context = try CommandContext(global)
        let data = try context.open()
        // Recorded first, so that the checkpoint printed covers its own request.
        try await context.record(Principal.localUser().event("audit.checkpoint"), in: data)
        let (_, note) = try await data.audit.checkpoint()
        print(note, terminator: "")
    }
}
