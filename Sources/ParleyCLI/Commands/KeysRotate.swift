import ArgumentParser
import ParleyEngine

struct KeysRotate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: "Replace the master key: re-encrypt every page and re-wrap every customer key (server stopped).",
        discussion: """
            The old key stays valid until the rotation commits; if the rotation is interrupted, the
            next start finishes or rolls it back. The old key is kept in keys/retired/ to restore
            backups made under it; it no longer opens the database.
            """
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let context = try CommandContext(global)
        let lock = try DataDirectoryLock.acquire(context.configuration.paths.dataDirectory, exclusive: true)
        defer { withExtendedLifetime(lock) {} }
        let (old, new) = try context.bootstrap.rotation.rotate()
        print("rotated master key \(old) → \(new)")
    }
}
