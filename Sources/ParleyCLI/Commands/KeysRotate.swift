import ArgumentParser
import Foundation
import ParleyAudit
import ParleyCrypto
import ParleyEngine

struct KeysRotate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: "Replace the master key: re-encrypt every page and re-wrap every customer key (server stopped).",
        discussion: """
            The old key stays valid until the rotation commits; if the rotation is
            interrupted, the next start finishes or rolls it back. The old key is kept in
            keys/retired/ to restore backups made under it; it no longer opens the
            database. A passphrase key is replaced by the key of a new passphrase
            (--new-passphrase-file, or asked twice on the terminal); only its
            description is retired, so restoring an older backup asks for the old
            passphrase.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "For a passphrase key: a file (mode 0600) whose first line is the new passphrase (default: asked on the terminal).")
    var newPassphraseFile: String?

    /// The new passphrase when the master key is a passphrase key, else nil.
    private func newPassphrase(_ context: CommandContext) throws -> SecureBytes? {
        // A key held in a systemd credential is refused by the rotation itself: ask for nothing.
        let directory = context.bootstrap.keyDirectory
        guard !directory.usesCredential, try directory.description()?.source == "passphrase" else {
            guard newPassphraseFile == nil else { throw ValidationError("--new-passphrase-file applies to a passphrase key only") }
            return nil
        }
        if let newPassphraseFile {
            return try MasterKeySources(passphraseFile: URL(fileURLWithPath: newPassphraseFile)).passphrase()
        }
        let terminal = MasterKeySources(mayPrompt: true)
        let first = try terminal.passphrase(prompt: "New passphrase (at least 8 characters): ")
        guard first.constantTimeEquals(try terminal.passphrase(prompt: "Repeat the new passphrase: ")) else {
            throw ValidationError("the passphrases differ")
        }
        return first
    }

    func run() async throws {
        let context = try CommandContext(global)
        let lock = try DataDirectoryLock.acquire(context.configuration.paths.dataDirectory, exclusive: true)
        defer { withExtendedLifetime(lock) {} }
        _ = try context.bootstrap.rotation.recover()
        // A last checkpoint under the old audit key, so the signed history spans the change.
        let oldKeys = try context.bootstrap.keys(createIfFresh: false)
        let before = try context.bootstrap.openStore(keys: oldKeys)
        let oldAudit = try context.bootstrap.auditTrail(store: before, keys: oldKeys)
        try await oldAudit.checkpoint()
        try before.close()

        let passphrase = try newPassphrase(context)
        var rotatedKeys: KeyHierarchy?
        do {
            rotatedKeys = try context.bootstrap.rotation.rotate(newPassphrase: passphrase).newKeys
        } catch {
            // An error after the commit point leaves a rotation that recovery
            // finishes: that is a rotation done, and it is recorded as one.
            let recovery: KeyRotation.Recovery
            do { recovery = try context.bootstrap.rotation.recover() } catch let recoveryError {
                context.logger.error("the interrupted rotation could not be recovered", metadata: ["error": "\(recoveryError)"])
                await recordFailure(error, context)
                throw error
            }
            guard recovery == .finished else {
                await recordFailure(error, context)
                throw error
            }
            context.logger.warning("the rotation failed after it committed and was finished", metadata: ["error": "\(error)"])
        }
        let old = oldKeys.keyID

        let newKeys: KeyHierarchy
        if let rotatedKeys {
            newKeys = rotatedKeys
        } else if let passphrase, let description = try context.bootstrap.keyDirectory.description() {
            newKeys = try KeyHierarchy(master: KeyDirectory.key(of: description, passphrase: passphrase))
        } else {
            newKeys = try context.bootstrap.keys(createIfFresh: false)
        }
        let new = newKeys.keyID
        let after = try context.bootstrap.openStore(keys: newKeys)
        let audit = try context.bootstrap.auditTrail(store: after, keys: newKeys)
        try await audit.record(Principal.localUser().event("key.rotate", target: nil, details: [
            "old_key_id": old, "new_key_id": new, "old_audit_key": oldAudit.verifierKey.description,
            "new_audit_key": audit.verifierKey.description,
        ]))
        try await audit.checkpoint()
        print("rotated master key \(old) → \(new)")
        print("the audit signing key changed; give compliance officers the new public key: parley audit public-key")
        if passphrase != nil, let file = context.configuration.keys.passphraseFile {
            print("the passphrase changed: put the new one in \(file.path) before the next start")
        }
    }

    /// A failed rotation is audited under the key the database is left with
    /// once the rotation was rolled back; if even that fails, the log says so
    /// (the caller sees the rotation's error either way).
    private func recordFailure(_ error: any Error, _ context: CommandContext) async {
        do {
            let keys = try context.bootstrap.keys(createIfFresh: false)
            let store = try context.bootstrap.openStore(keys: keys)
            let recorded: Result<Void, any Error>
            do {
                let audit = try context.bootstrap.auditTrail(store: store, keys: keys)
                try await audit.record(Principal.localUser().event("key.rotate", outcome: .failure, details: [
                    "reason": String(describing: type(of: error)),
                ]))
                recorded = .success(())
            } catch {
                recorded = .failure(error)
            }
            try store.close()
            try recorded.get()
        } catch let auditError {
            context.logger.error("the failed rotation could not be audited", metadata: ["error": "\(auditError)"])
        }
    }
}
