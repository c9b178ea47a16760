/// Errors of the store. Messages never contain stored text or key material.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// SQLite or GRDB failed; the text is GRDB's description without bound values.
    case database(String)
    /// Page authentication failed: wrong key, or the file was changed outside Parley.
    case authenticationFailed(file: String, page: UInt64?, kind: String)
    case notFound(String)
    /// The operation conflicts with the current state (e.g. a conversation claimed by someone else).
    case conflict(String)
    case invalid(String)
    /// A subject's key was shredded: their text is gone for good.
    case subjectErased(String)
    case keys(String)
    /// The keyring file is gone while the database holds subjects sealed under its keys.
    case keyringMissing(path: String, subjects: Int)
    /// The disk holding the data directory is full (or below the space kept in
    /// reserve): the write was not made. Reads still work.
    case diskFull(directory: String?, freeBytes: UInt64?)

    public var description: String {
        switch self {
        case let .database(message):
            "database error: \(message)"
        case let .authenticationFailed(file, page, kind):
            if let page {
                "authentication failed reading \(kind) \(file), page \(page): wrong key, or the file was modified outside Parley"
            } else {
                "authentication failed reading \(kind) \(file): wrong key, or the file was modified outside Parley"
            }
        case let .notFound(what):
            "\(what) not found"
        case let .conflict(reason):
            reason
        case let .invalid(reason):
            reason
        case let .subjectErased(subject):
            "the data of subject \(subject) was erased"
        case let .keys(reason):
            reason
        case let .diskFull(directory, freeBytes):
            "the disk holding \(directory ?? "the data directory") is full"
                + (freeBytes.map { " (\(StoreError.describe(bytes: $0)) free)" } ?? "")
                + ": nothing was written; free space there"
        case let .keyringMissing(path, subjects):
            "\(path) is missing or holds no customer keys, but the database holds \(subjects) customers' text sealed under the keys it kept: "
                + "put it back from its redundant storage; if it is lost for good, 'parley keys reset-keyring' records "
                + "that their text is unreadable (they count as erased) and lets Parley start"
        }
    }
}

extension StoreError {
    static func describe(bytes: UInt64) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : bytes >= 1 << 10 ? "\(bytes >> 10) KiB" : "\(bytes) bytes"
    }
}
