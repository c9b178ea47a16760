/// A C2SP tlog-checkpoint: the origin of the log, its size and the RFC 9162
/// root at that size. Its note text (``body``) is
///
///     <origin>\n<tree size in decimal>\n<base64 of the 32-byte root>\n
///
/// followed by optional non-empty extension lines (Parley writes none).
public struct Checkpoint: Sendable, Hashable {
    public let origin: String
    public let size: UInt64
    public let root: MerkleHash
    public let extensionLines: [String]

    /// `origin` follows the key-name rules: non-empty, no spaces, no `+`, no control characters.
    public init(origin: String, size: UInt64, root: MerkleHash, extensionLines: [String] = []) throws(AuditError) {
        guard NoteVerifierKey.isValidName(origin) else {
            throw .malformedCheckpoint("the origin must be non-empty without spaces, '+' or control characters")
        }
        guard extensionLines.allSatisfy({ !$0.isEmpty && !$0.contains("\n") }) else {
            throw .malformedCheckpoint("extension lines must be non-empty single lines")
        }
        self.origin = origin
        self.size = size
        self.root = root
        self.extensionLines = extensionLines
    }

    public var body: String {
        ([origin, String(size), root.base64] + extensionLines).joined(separator: "\n") + "\n"
    }

    /// Parses a checkpoint body strictly: decimal size without leading zeros,
    /// canonical base64 of 32 bytes for the root.
    public init(body: String) throws(AuditError) {
        guard body.hasSuffix("\n") else { throw .malformedCheckpoint("the body must end with a newline") }
        let lines = body.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 3 else { throw .malformedCheckpoint("expected origin, size and root lines") }
        guard let size = Self.parseDecimal(lines[1]) else {
            throw .malformedCheckpoint("the size must be decimal without leading zeros")
        }
        guard let root = MerkleHash(base64: lines[2]) else {
            throw .malformedCheckpoint("the root must be canonical base64 of 32 bytes")
        }
        try self.init(origin: lines[0], size: size, root: root, extensionLines: Array(lines.dropFirst(3)))
    }

    /// The signed note carrying this checkpoint.
    public func signed(by signer: NoteSigner) throws(AuditError) -> String {
        try signer.signNote(text: body)
    }

    /// Opens a signed checkpoint note as parley-audit-format(5), "Opening a
    /// note", says: the note syntax (``AuditError/malformedNote(_:)``), exactly
    /// one signature line, by `key`, that verifies (``AuditError/signatureInvalid(_:)``),
    /// the body (``AuditError/malformedCheckpoint(_:)``), and an origin equal
    /// to the key's name (``AuditError/originMismatch(_:)``).
    public init(signedNote note: String, verifierKey key: NoteVerifierKey) throws(AuditError) {
        try self.init(signedNote: Array(note.utf8), verifierKey: key)
    }

    public init(signedNote note: [UInt8], verifierKey key: NoteVerifierKey) throws(AuditError) {
        try self.init(body: SignedNote(parsing: note).verifiedTextSignedOnly(by: key))
        guard origin == key.name else {
            throw .originMismatch("the checkpoint's origin is not the name of the key \(key.identifier)")
        }
    }

    /// ASCII decimal without sign or leading zeros ("0" alone is allowed), fitting in UInt64.
    static func parseDecimal(_ text: String) -> UInt64? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              bytes.count == 1 || bytes[0] != 0x30
        else { return nil }
        return UInt64(text)
    }
}
