/// What an action was about: a kind (`conversation`, `subject`, `model`,
/// `token`, …; grammar `[a-z][a-z0-9_-]*`, at most 32 bytes) and an id of
/// visible ASCII, at most 256 bytes (a conversation id, a pseudonymous
/// subject id, a model version; never customer text).
public struct AuditTarget: Sendable, Hashable {
    public let kind: String
    public let id: String

    public init(kind: String, id: String) throws(AuditError) {
        guard FieldGrammar.isWord(kind, maxBytes: 32) else {
            throw .invalidField(field: "target.kind", reason: "expected [a-z][a-z0-9_-]*, at most 32 bytes")
        }
        guard FieldGrammar.isVisibleASCII(id, maxBytes: 256) else {
            throw .invalidField(field: "target.id", reason: "expected 1 to 256 visible ASCII characters")
        }
        self.kind = kind
        self.id = id
    }
}
