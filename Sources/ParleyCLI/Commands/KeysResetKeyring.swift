import ArgumentParser
import ParleyAudit
import ParleyEngine
import ParleyStore

struct KeysResetKeyring: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-keyring",
        abstract: "Start afresh after keyring.db was lost for good (server stopped).",
        discussion: """
            Parley refuses to start when keyring.db is missing but the database holds
            customers' text sealed under the keys it kept. If the file cannot be put back,
            this marks every customer erased (their text is unreadable from now on,
            exactly as after an erasure), records it in the audit log, and lets Parley
            create an empty keyring. The model key was in the keyring too: the next
            'parley serve' trains the model anew. Nothing else is lost.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Confirm that the customers' text is lost.")
    var confirmTextLost = false

    func run() async throws {
        guard confirmTextLost else {
            throw ValidationError("every customer's text becomes unreadable: give --confirm-text-lost to go on")
        }
        let context = try CommandContext(global)
        let lock = try DataDirectoryLock.acquire(context.configuration.paths.dataDirectory, exclusive: true)
        defer { withExtendedLifetime(lock) {} }
        _ = try context.bootstrap.rotation.recover()
        let keys = try context.bootstrap.keys(createIfFresh: false)
        let erased = try Store.acceptLostKeyring(location: .directory(context.configuration.paths.dataDirectory), keys: keys)
        let store = try context.bootstrap.openStore(keys: keys)
        try await context.bootstrap.auditTrail(store: store, keys: keys)
            .record(Principal.localUser().event("keyring.reset", details: ["subjects_erased": "\(erased)"]))
        try store.close()
        print("created an empty keyring; \(erased) customers' text is unreadable from now on")
    }
}
