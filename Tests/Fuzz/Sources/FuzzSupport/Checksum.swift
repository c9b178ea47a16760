import ParleyCrypto

/// The model and encoder files end in the SHA-256 of every preceding byte; a
/// mutated input would fail that check before any parsing. The targets
/// recompute it, so the fuzzer reaches the readers behind it.
public enum Checksum {
    public static func resealed(_ bytes: [UInt8], magic: [UInt8]) -> [UInt8] {
        guard bytes.count > magic.count + 32, bytes.starts(with: magic) else { return bytes }
        let body = Array(bytes.dropLast(32))
        return body + SHA256.hash(body)
    }
}
