import ParleyCrypto
import ParleyRedaction

/// The `hash` redaction operator's token: keyed BLAKE2b of the type and value
/// under the deployment's PII hashing key (derived from the master key). The
/// same value always gives the same token in one deployment, and the token
/// cannot be reversed or recomputed without the key.
struct KeyedPIIHasher: PIIHasher {
    let key: SymmetricKey

    func digest(_ value: String, type: PIIEntityType) -> String {
        // BLAKE2b with a valid 32-byte key and a 16-byte digest cannot fail; were it
        // ever to, the token would be empty and the value would still be removed.
        let digest = (try? KeyedHash.blake2b(Array("\(type.rawValue)\u{1F}\(value)".utf8), key: key, outputByteCount: 16)) ?? []
        return Hex.encode(digest.prefix(6))
    }
}
