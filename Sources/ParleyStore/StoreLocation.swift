import Foundation

/// Where the store keeps its files.
public enum StoreLocation: Sendable, Hashable {
    /// Everything in memory; for tests and `parley chat --ephemeral`.
    case inMemory
    /// A data directory holding `parley.db` (conversations, CRM, tokens, audit)
    /// and `keyring.db` (the wrapped per-subject keys, kept apart so that
    /// backups of the main database never contain them).
    case directory(URL)

    public static let databaseFileName = "parley.db"
    public static let keyringFileName = "keyring.db"

    var directoryURL: URL? {
        if case let .directory(url) = self { return url }
        return nil
    }

    var databasePath: String? {
        if case let .directory(url) = self { return url.appendingPathComponent(Self.databaseFileName).path }
        return nil
    }

    var keyringPath: String? {
        if case let .directory(url) = self { return url.appendingPathComponent(Self.keyringFileName).path }
        return nil
    }
}
