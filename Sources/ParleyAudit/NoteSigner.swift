import ParleyCrypto

/// Signs note texts (checkpoints, export statements) with the audit Ed25519
/// key under a key name (by convention the log origin). Its description shows
/// the name and key id only.
public struct NoteSigner: Sendable, CustomStringConvertible {
    public let verifierKey: NoteVerifierKey
    private let signingKey: Ed25519.SigningKey

    public init(name: String, signingKey: Ed25519.SigningKey) throws(AuditError) {
        verifierKey = try NoteVerifierKey(name: name, publicKey: signingKey.publicKey)
        self.signingKey = signingKey
    }

    public var name: String { verifierKey.name }

    /// `text` signed as a C2SP signed note: the text (which must end in a
    /// newline), a blank line and `— <name> <base64(key id ‖ signature)>`.
    public func signNote(text: String) throws(AuditError) -> String {
        guard text.hasSuffix("\n") else { throw .malformedNote("the text must end with a newline") }
        return text + "\n" + SignedNote.signaturePrefix + name + " " + (try signatureBlob(for: text)) + "\n"
    }

    /// base64(key id ‖ Ed25519 signature of the UTF-8 bytes of `text`).
    func signatureBlob(for text: String) throws(AuditError) -> String {
        let signature: [UInt8]
        do {
            signature = try signingKey.signature(for: Array(text.utf8))
        } catch {
            throw .signingFailed
        }
        return Base64.encode(NoteVerifierKey.bytes(of: verifierKey.keyID) + signature)
    }

    public var description: String { "NoteSigner(\(verifierKey.identifier))" }
}
