import ArgumentParser
import Foundation
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
        let store = try context.bootstrap.openStore(keys: keys, allowingLostKeyring: true)
        guard store.keyringLost else {
            try store.close()
            throw EngineError.keys("keyring.db holds the customers' keys: there is nothing to reset")
        }
        let erased = try await Self.eraseEveryone(store, audit: context.bootstrap.auditTrail(store: store, keys: keys))
        try store.close()
        print("created an empty keyring; \(erased) customers' text is unreadable from now on")
    }

    /// Marks every customer erased, in one transaction with its audit entry.
    static func eraseEveryone(_ store: Store, audit: AuditTrail) async throws -> Int {
        try await store.eraseAllSubjects(now: Date()) { count in
            audit.appends([Principal.localUser().event("keyring.reset", details: ["subjects_erased": "\(count)"])])
        }
    }
}
