/// Who acted: `system`, or `<scheme>:<id>` such as `token:01HXZ…` (the id of
/// an API token, never its secret) or `os:alice` (an operating-system user).
///
/// Grammar: `system`, or a scheme `[a-z][a-z0-9_-]*` (at most 32 bytes), a
/// colon and an id of visible ASCII (0x21–0x7E); at most 128 bytes in all.
public struct AuditActor: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public static let maximumBytes = 128

    public init(rawValue: String) throws(AuditError) {
        guard Self.isValid(rawValue) else {
            throw .invalidField(field: "actor", reason: "expected 'system' or '<scheme>:<id>' in visible ASCII, at most 128 bytes")
        }
        self.rawValue = rawValue
    }

    /// The server itself (startup, scheduled jobs).
    public static let system = AuditActor(unchecked: "system")

    /// An API token, by its public id.
    public static func token(id: String) throws(AuditError) -> AuditActor {
        try AuditActor(rawValue: "token:" + id)
    }

    /// An operating-system user running the CLI.
    public static func osUser(_ name: String) throws(AuditError) -> AuditActor {
        try AuditActor(rawValue: "os:" + name)
    }

    public var description: String { rawValue }

    private init(unchecked: String) { rawValue = unchecked }

    private static func isValid(_ text: String) -> Bool {
        if text == "system" { return true }
        guard text.utf8.count <= maximumBytes,
              let colon = text.firstIndex(of: ":") else { return false }
        let scheme = String(text[..<colon])
        let id = String(text[text.index(after: colon)...])
        return FieldGrammar.isWord(scheme, maxBytes: 32) && FieldGrammar.isVisibleASCII(id, maxBytes: maximumBytes)
    }
}
