import ParleyCrypto

/// Base58Check (Bitcoin's legacy addresses and the chains that copied them):
/// a version byte and a 20-byte hash, then the first four bytes of
/// SHA-256(SHA-256(version ‖ hash)).
enum Base58Check {
    /// Decoded length of an address: version, 20-byte hash, 4-byte checksum.
    static let addressByteCount = 25

    /// The version byte of `decoded`, a Base58-decoded address, when it is 25
    /// bytes long and its checksum holds; nil otherwise.
    static func version(ofDecoded decoded: [UInt8]) -> UInt8? {
        guard decoded.count == addressByteCount else { return nil }
        let checksum = SHA256.hash(SHA256.hash(decoded[0..<21]))
        guard checksum[0..<4].elementsEqual(decoded[21..<25]) else { return nil }
        return decoded[0]
    }

    /// The version byte of the Base58Check address `text`, or nil when it does
    /// not decode to 25 bytes with a valid checksum.
    static func version(of text: [UInt8], alphabet: Base58Alphabet = .bitcoin) -> UInt8? {
        guard text.count >= 25, text.count <= 35, let decoded = Base58.decode(text, alphabet: alphabet) else {
            return nil
        }
        return version(ofDecoded: decoded)
    }
}
