import ArgumentParser
import ParleyEngine

struct AuditPublicKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "public-key",
        abstract: "Print the verifier key of this installation's audit checkpoints (for officers to keep)."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let data = try CommandContext(global).open()
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
        let data = try CommandContext(global).open()
        let (_, note) = try await data.audit.checkpoint()
        print(note, terminator: "")
    }
}
