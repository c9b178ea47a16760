/// A business-identifier pattern that must survive redaction: a literal prefix
/// followed by a run of identifier characters, starting at a word boundary.
///
/// `#` followed by digits protects `#12345` and `order #4111111111111111`;
/// `ORD-` followed by alphanumerics protects `ORD-2024-000123`. Any detected span
/// that overlaps a protected identifier is discarded. A prefix that starts with
/// a symbol does not protect right after a personal-data word ("SSN #…",
/// "phone #…"): there `#` reads "number".
public struct KeepRule: Sendable, Hashable {
    /// What may follow the prefix.
    public enum Tail: String, Sendable, Hashable, Codable, CaseIterable {
        /// ASCII digits only (`#12345`).
        case digits
        /// ASCII letters, digits, `-`, `_` and `/` (`ORD-2024-000123`).
        case alphanumeric
    }

    public var prefix: String
    public var followedBy: Tail
    /// When false (the default) letters in the prefix match either case.
    public var caseSensitive: Bool

    public init(prefix: String, followedBy: Tail = .alphanumeric, caseSensitive: Bool = false) {
        self.prefix = prefix
        self.followedBy = followedBy
        self.caseSensitive = caseSensitive
    }
}
