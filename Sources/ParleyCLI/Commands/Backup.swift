import ArgumentParser
import Foundation
import ParleyAudit
import ParleyEngine

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an online, consistent, still encrypted backup of the database.",
        discussion: """
            The backup opens only with the current master key (after a rotation, with the
            retired key in keys/retired/). Customer keys are not in it: a customer erased
            later stays erased in every backup.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The backup file to create (must not exist).")
    var out: String

    func run() async throws {
        let context = try CommandContext(global)
        let data = try context.open()
        let keys = data.keys
        try await data.store.backup(to: URL(fileURLWithPath: out), keys: keys)
        try await context.record(Principal.localUser().event("backup.create", details: ["key_id": keys.keyID]), in: data)
        print("backed up to \(out) (master key \(keys.keyID))")
    }
}
