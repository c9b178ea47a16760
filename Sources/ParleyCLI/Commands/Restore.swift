import ArgumentParser
import Foundation
import ParleyCrypto
import ParleyAudit
import ParleyEngine
import ParleyStore

struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replace the database with a backup (server stopped).",
        discussion: """
            The backup is checked first (it must open and pass an integrity check), then
            re-encrypted under the current key and swapped in atomically. Customer keys
            stay those of the live keyring: customers erased since the backup stay erased.
            The audit log is not rolled back: the live log is carried into the restored
            database and the restore is recorded.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The backup file.")
    var file: String

    @Option(help: "The retired master key the backup was made under, if not the current one: keys/retired/ID.key, or keys/retired/ID.json for a passphrase key (its passphrase is asked for).")
    var masterKey: String?

    @Option(help: "With a retired passphrase key: a file (mode 0600) holding that key's passphrase (default: asked on the terminal).")
    var masterKeyPassphraseFile: String?

    @Flag(help: "When keyring.db holds none of the restored customers' keys (it was lost): mark them erased, as 'parley keys reset-keyring' does.")
    var confirmTextLost = false

    func run() async throws {
        let context = try CommandContext(global)
        let lock = try DataDirectoryLock.acquire(context.configuration.paths.dataDirectory, exclusive: true)
        defer { withExtendedLifetime(lock) {} }
        _ = try context.bootstrap.rotation.recover()
        let current = try context.bootstrap.keys(createIfFresh: false)
        let sources = MasterKeySources(passphraseFile: masterKeyPassphraseFile.map { URL(fileURLWithPath: $0) }, mayPrompt: true)
        let backupKeys = try masterKey.map { path in
            try KeyHierarchy(master: KeyDirectory.readRetiredKey(URL(fileURLWithPath: path)) { () throws(EngineError) in
                try sources.passphrase(prompt: "Passphrase of the retired key: ")
            })
        } ?? current
        let source = URL(fileURLWithPath: file).standardizedFileURL.path
        try Store.verify(path: source, key: backupKeys.databaseKey)
        let live = context.configuration.paths.dataDirectory.appendingPathComponent(StoreLocation.databaseFileName).path
        try FileSync.removeIfPresent(live + ".restoring")
        try Store.copyDatabase(at: source, key: backupKeys.databaseKey, to: live + ".restoring", targetKey: current.databaseKey,
                                options: context.configuration.storeOptions)
        if FileManager.default.fileExists(atPath: live) {
            try Store.copyAuditLog(from: live, key: current.databaseKey, into: live + ".restoring", targetKey: current.databaseKey,
                                   options: context.configuration.storeOptions)
        }
        for suffix in ["-wal", "-shm", "-journal"] { try FileSync.removeIfPresent(live + suffix) }
        try FileSync.replace(live, with: live + ".restoring")
        let store = try context.bootstrap.openStore(keys: current, allowingLostKeyring: true)
        let audit = try context.bootstrap.auditTrail(store: store, keys: current)
        try await audit.record(Principal.localUser().event("backup.restore", details: [
            "backup_key_id": backupKeys.keyID, "key_id": current.keyID, "customer_keys": store.keyringLost ? "missing" : "present",
        ]))
        print("restored \(file) into \(live)")
        if store.keyringLost {
            if confirmTextLost {
                let erased = try await KeysResetKeyring.eraseEveryone(store, audit: audit)
                print("keyring.db held none of their keys: \(erased) customers are marked erased")
            } else {
                print("warning: keyring.db holds none of the restored customers' keys; put it back from its redundant storage, or run 'parley keys reset-keyring --confirm-text-lost'. Parley will not start until then.")
            }
        }
        try store.close()
    }
}
