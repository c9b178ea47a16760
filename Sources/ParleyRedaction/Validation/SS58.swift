import ParleyCrypto

/// Substrate's SS58 addresses (Polkadot, Kusama and every Substrate chain):
/// Base58 of a network prefix (one byte below 64, or two), a 32- or 33-byte
/// account id, and the first two bytes of BLAKE2b-512("SS58PRE" ‖ prefix ‖ id).
enum SS58 {
    /// The prefixes of Polkadot (0), Kusama (2) and generic Substrate (42):
    /// most addresses customers paste. Others are valid but rarer.
    static let commonPrefixes: Set<Int> = [0, 2, 42]
    private static let checksumContext = Array("SS58PRE".utf8)
    /// Prefixes the registry reserves.
    private static let reservedPrefixes: Set<Int> = [46, 47]

    /// The network prefix of `decoded`, Base58-decoded text, when it is an SS58
    /// address with a valid checksum; nil otherwise.
    static func prefix(ofDecoded decoded: [UInt8]) -> Int? {
        guard decoded.count >= 35, decoded.count <= 37 else { return nil }
        let prefix: Int
        let prefixLength: Int
        if decoded[0] < 64 {
            prefix = Int(decoded[0])
            prefixLength = 1
        } else if decoded[0] < 128 {
            prefix = Int(decoded[0] & 0x3F) << 2 | Int(decoded[1] >> 6) | Int(decoded[1] & 0x3F) << 8
            prefixLength = 2
        } else {
            return nil
        }
        let accountLength = decoded.count - prefixLength - 2
        guard accountLength == 32 || accountLength == 33, !reservedPrefixes.contains(prefix) else { return nil }
        let body = decoded[0..<(decoded.count - 2)]
        guard let digest = try? BLAKE2b.hash(checksumContext + body) else { return nil }
        return digest[0..<2].elementsEqual(decoded[(decoded.count - 2)...]) ? prefix : nil
    }
}
