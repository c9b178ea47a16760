/// A parsed C2SP signed note: a text ending in a newline, a blank line, and
/// one or more lines `— <key name> <base64(4-byte key id ‖ signature)>`.
public struct SignedNote: Sendable, Hashable {
    /// U+2014 EM DASH then a space.
    static let signaturePrefix = "\u{2014} "
    /// Notes with more signature lines are rejected.
    public static let maximumSignatures = 100

    public struct Signature: Sendable, Hashable {
        public let name: String
        public let keyID: UInt32
        /// Key id (4 bytes) ‖ signature, as carried in the note.
        public let blob: [UInt8]
    }

    /// The signed text, final newline included, blank line excluded.
    public let text: String
    public let signatures: [Signature]

    /// Parses the note syntax (no signature is checked here).
    public init(parsing bytes: [UInt8]) throws(AuditError) {
        guard let note = String(validating: bytes, as: UTF8.self) else {
            throw .malformedNote("not valid UTF-8")
        }
        guard note.unicodeScalars.allSatisfy({ $0.value >= 0x20 || $0 == "\n" }) else {
            throw .malformedNote("control character other than newline")
        }
        guard let split = Self.lastBlankLine(in: bytes) else {
            throw .malformedNote("no blank line before the signatures")
        }
        let textBytes = bytes[..<(split + 1)]
        let signatureBytes = bytes[(split + 2)...]
        guard !signatureBytes.isEmpty, signatureBytes.last == 0x0A else {
            throw .malformedNote("signature block must be non-empty and end with a newline")
        }
        var signatures = [Signature]()
        for lineBytes in signatureBytes.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false) {
            let line = String(decoding: lineBytes, as: UTF8.self)
            guard line.hasPrefix(Self.signaturePrefix) else {
                throw .malformedNote("signature line must start with an em dash and a space")
            }
            let rest = line.dropFirst(Self.signaturePrefix.count)
            let fields = rest.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            guard fields.count == 2, NoteVerifierKey.isValidName(String(fields[0])),
                  let blob = Base64.decode(fields[1]), blob.count >= 5
            else { throw .malformedNote("signature line must be '— <name> <base64>'") }
            signatures.append(Signature(
                name: String(fields[0]),
                keyID: NoteVerifierKey.uint32(blob),
                blob: blob
            ))
            guard signatures.count <= Self.maximumSignatures else { throw .malformedNote("too many signatures") }
        }
        self.text = String(decoding: textBytes, as: UTF8.self)
        self.signatures = signatures
    }

    public init(parsing note: String) throws(AuditError) {
        try self.init(parsing: Array(note.utf8))
    }

    /// The text, if a signature by `key` (same name and key id) verifies.
    /// Signatures by other keys are ignored, as the signed-note spec asks; a
    /// signature by `key` that fails rejects the whole note.
    public func verifiedText(with key: NoteVerifierKey) throws(AuditError) -> String {
        let message = Array(text.utf8)
        var verified = false
        for signature in signatures where signature.name == key.name && signature.keyID == key.keyID {
            guard key.isValid(signatureBlob: signature.blob, for: message) else {
                throw .signatureInvalid("signature by \(key.identifier) does not verify")
            }
            verified = true
        }
        guard verified else { throw .signatureInvalid("no signature by \(key.identifier)") }
        return text
    }

    /// The text, if the note carries exactly one signature line and it is a
    /// valid signature by `key` (Parley's profile of signed notes,
    /// parley-audit-format(5): no cosignature or foreign line, so that every
    /// byte of the note is covered).
    public func verifiedTextSignedOnly(by key: NoteVerifierKey) throws(AuditError) -> String {
        guard signatures.count == 1 else {
            throw .signatureInvalid("the note carries \(signatures.count) signature lines; exactly one, by \(key.identifier), is allowed")
        }
        let signature = signatures[0]
        guard signature.name == key.name, signature.keyID == key.keyID else {
            throw .signatureInvalid("the note is signed by \(signature.name)+\(NoteVerifierKey.hex(signature.keyID)), not \(key.identifier)")
        }
        guard key.isValid(signatureBlob: signature.blob, for: Array(text.utf8)) else {
            throw .signatureInvalid("signature by \(key.identifier) does not verify")
        }
        return text
    }

    /// Index of the first newline of the last "\n\n" in `bytes`.
    private static func lastBlankLine(in bytes: [UInt8]) -> Int? {
        var index = bytes.count - 2
        while index >= 0 {
            if bytes[index] == 0x0A && bytes[index + 1] == 0x0A { return index }
            index -= 1
        }
        return nil
    }
}
