import CSodium

/// Non-secret random values (identifiers, nonces) from libsodium's CSPRNG.
public enum RandomBytes {
    public static func generate(count: Int) throws(CryptoError) -> [UInt8] {
        try Sodium.ensureInitialized()
        var bytes = [UInt8](repeating: 0, count: count)
        bytes.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress { randombytes_buf(base, buffer.count) }
        }
        return bytes
    }

    /// A uniformly random integer in `0..<upperBound`.
    public static func uniform(_ upperBound: UInt32) throws(CryptoError) -> UInt32 {
        try Sodium.ensureInitialized()
        return randombytes_uniform(upperBound)
    }
}
