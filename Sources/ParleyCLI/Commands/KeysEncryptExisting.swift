import ArgumentParser
import ParleyAudit
import ParleyEngine

struct KeysEncryptExisting: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encrypt-existing",
        abstract: "Encrypt a plain (unencrypted) Parley database in place (server stopped).",
        discussion: "Every start does this too when it finds a plain database; this command does it on its own and reports."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let context = try CommandContext(global)
        let lock = try DataDirectoryLock.acquire(context.configuration.paths.dataDirectory, exclusive: true)
        defer { withExtendedLifetime(lock) {} }
        _ = try context.bootstrap.rotation.recover()
        let keys = try context.bootstrap.keys(createIfFresh: false)
        let store = try context.bootstrap.openStore(keys: keys)
        let ids = try await store.databaseIDs()
        try await context.bootstrap.auditTrail(store: store, keys: keys)
            .record(Principal.localUser().event("database.encrypt", details: ["database_id": ids.database ?? "", "keyring_id": ids.keyring ?? ""]))
        print("database \(ids.database ?? "?") and keyring \(ids.keyring ?? "?") are encrypted")
    }
}
