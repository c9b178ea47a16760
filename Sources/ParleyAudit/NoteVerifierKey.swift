import ParleyCrypto

/// A signed-note verifier key (C2SP signed-note, golang.org/x/mod/sumdb/note):
/// `<name>+<key id as 8 lowercase hex>+<base64(0x01 ‖ 32-byte Ed25519 public key)>`.
/// This string is what `parley audit public-key` prints and what compliance
/// officers keep; it is all an offline verifier needs.
public struct NoteVerifierKey: Sendable, Hashable, CustomStringConvertible {
    /// Signature type byte of Ed25519 in signed notes.
    public static let ed25519Type: UInt8 = 0x01

    public let name: String
    /// First 4 bytes, big-endian, of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key).
    public let keyID: UInt32
    public let publicKey: [UInt8]

    public init(name: String, publicKey: [UInt8]) throws(AuditError) {
        guard Self.isValidName(name) else { throw .invalidKeyName }
        guard publicKey.count == Ed25519.publicKeyByteCount else {
            throw .malformedVerifierKey("an Ed25519 public key is 32 bytes")
        }
        self.name = name
        self.publicKey = publicKey
        self.keyID = Self.keyID(name: name, publicKey: publicKey)
    }

    /// Parses a verifier key string strictly: split at the first two `+`
    /// (the base64 part may hold more), a valid name, 8 lowercase hex digits, canonical base64 of 33
    /// bytes starting with 0x01, and a key id that matches the name and key.
    public init(parsing text: String) throws(AuditError) {
        // The name and the hex id hold no '+'; the base64 key may.
        let parts = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw .malformedVerifierKey("expected <name>+<8 hex digits>+<base64 key>")
        }
        let name = String(parts[0])
        guard Self.isValidName(name) else { throw .malformedVerifierKey("invalid key name") }
        let hexDigits = Array(parts[1].utf8)
        guard hexDigits.count == 8,
              hexDigits.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }),
              let idBytes = Hex.decode(parts[1])
        else { throw .malformedVerifierKey("the key id must be 8 lowercase hex digits") }
        guard let keyData = Base64.decode(parts[2]), keyData.count == 1 + Ed25519.publicKeyByteCount else {
            throw .malformedVerifierKey("the key must be canonical base64 of 33 bytes")
        }
        guard keyData[0] == Self.ed25519Type else {
            throw .malformedVerifierKey("unknown signature type \(keyData[0]); only Ed25519 (1) is supported")
        }
        try self.init(name: name, publicKey: Array(keyData.dropFirst()))
        guard keyID == Self.uint32(idBytes) else {
            throw .malformedVerifierKey("the key id does not match the name and key")
        }
    }

    /// Parses a key file: the verifier key string and at most one line end
    /// after it (LF or CR LF), nothing else (no byte order mark, no spaces,
    /// no second line), as parley-audit-format(5), "Key file", says.
    public init(keyFile bytes: [UInt8]) throws(AuditError) {
        var text = bytes[...]
        if text.last == 0x0A {
            text = text.dropLast()
            if text.last == 0x0D { text = text.dropLast() }
        }
        guard !text.isEmpty else { throw .malformedVerifierKey("the key file is empty") }
        guard !text.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x20 || $0 == 0x09 }),
              !text.starts(with: [0xEF, 0xBB, 0xBF])
        else {
            throw .malformedVerifierKey("a key file holds the key on one line and nothing else (no spaces, byte order mark or second line)")
        }
        guard let string = String(validating: text, as: UTF8.self) else {
            throw .malformedVerifierKey("the key file is not UTF-8")
        }
        try self.init(parsing: string)
    }

    /// `<name>+<8 hex>`: names the key without the key material.
    public var identifier: String { name + "+" + Self.hex(keyID) }

    /// The verifier key string.
    public var description: String {
        identifier + "+" + Base64.encode([Self.ed25519Type] + publicKey)
    }

    /// Checks a note signature: `blob` is key id (4 bytes, big-endian) ‖ Ed25519 signature.
    func isValid(signatureBlob blob: [UInt8], for message: [UInt8]) -> Bool {
        guard blob.count == 4 + Ed25519.signatureByteCount,
              Self.uint32(blob) == keyID
        else { return false }
        return Ed25519.isValidSignature(Array(blob.dropFirst(4)), for: message, publicKey: publicKey)
    }

    static func keyID(name: String, publicKey: [UInt8]) -> UInt32 {
        let digest = SHA256.hash(Array(name.utf8) + [0x0A, ed25519Type] + publicKey)
        return uint32(digest)
    }

    /// A valid name (parley-audit-format(5), CONVENTIONS): non-empty, no `+`,
    /// no control character (U+0000–U+001F, U+007F–U+009F) and no white space,
    /// the code points listed in ``whiteSpace`` (Unicode White_Space), spelled
    /// out so that the rule does not move with the runtime's Unicode version.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            return scalar != "+" && value >= 0x20 && !(value >= 0x7F && value <= 0x9F) && !whiteSpace.contains(value)
        }
    }

    /// Unicode White_Space: U+0009–U+000D, U+0020, U+0085, U+00A0, U+1680,
    /// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
    static let whiteSpace: Set<UInt32> = Set(Array(0x09...0x0D) + [0x20, 0x85, 0xA0, 0x1680] + Array(0x2000...0x200A)
        + [0x2028, 0x2029, 0x202F, 0x205F, 0x3000])

    static func hex(_ value: UInt32) -> String {
        Hex.encode(bytes(of: value))
    }

    /// `value` as 4 bytes, big-endian.
    static func bytes(of value: UInt32) -> [UInt8] {
        [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> UInt32($0)) }
    }

    /// The first 4 bytes of `bytes` read as a big-endian UInt32 (fewer bytes read as they are).
    static func uint32(_ bytes: some Collection<UInt8>) -> UInt32 {
        bytes.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }
}
