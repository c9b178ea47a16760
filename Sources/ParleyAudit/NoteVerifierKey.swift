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

    /// Non-empty, no Unicode white space, no `+`, no control characters.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            !scalar.properties.isWhitespace && scalar != "+" && scalar.value >= 0x20
                && !(scalar.value >= 0x7F && scalar.value <= 0x9F)
        }
    }

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
