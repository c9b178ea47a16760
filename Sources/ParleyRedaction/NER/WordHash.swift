/// 64-bit FNV-1a hashes of words, folded to lowercase (ASCII, and the Latin-1
/// and Latin Extended-A capitals that names use: `Ł`, `Ö`, `É`), so that a word
/// costs one pass over its bytes and no String. The named-entity tables are
/// keyed by these hashes; a collision between two of the ~170,000 listed words
/// has odds of about one in 10^9.
enum WordHash {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always) static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    /// The hash of `bytes[start..<end]` folded to lowercase.
    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var hash = offsetBasis
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 {
                hash = mix(hash, byte.asciiLowercased)
                index += 1
                continue
            }
            // Two-byte scalars U+00C0–U+017F: fold the capitals to their lowercase forms.
            if index + 1 < end, byte == 0xC3 || byte == 0xC4 || byte == 0xC5 {
                let scalar = (UInt32(byte & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F)
                let folded = foldLatin(scalar)
                hash = mix(hash, UInt8(0xC0 | (folded >> 6)))
                hash = mix(hash, UInt8(0x80 | (folded & 0x3F)))
                index += 2
                continue
            }
            hash = mix(hash, byte)
            index += 1
        }
        return hash
    }

    /// `hash` with the letter of `length` bytes at `index` mixed in, exactly as
    /// `lowercased` mixes it (the tokenizer hashes a word while it reads it).
    @inline(__always) static func mixLetter(_ hash: UInt64, _ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ length: Int) -> UInt64 {
        let byte = bytes[index]
        if byte < 0x80 { return mix(hash, byte.asciiLowercased) }
        if length == 2, byte == 0xC3 || byte == 0xC4 || byte == 0xC5 {
            let folded = foldLatin((UInt32(byte & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F))
            return mix(mix(hash, UInt8(0xC0 | (folded >> 6))), UInt8(0x80 | (folded & 0x3F)))
        }
        var mixed = hash
        for offset in index..<(index + length) { mixed = mix(mixed, bytes[offset]) }
        return mixed
    }

    /// The hash of a lowercase word given as a String (tables are built from these).
    static func of(_ word: String) -> UInt64 {
        var copy = word
        return copy.withUTF8 { lowercased($0, 0, $0.count) }
    }

    /// Combines a feature template number with a value hash.
    @inline(__always) static func feature(_ template: UInt64, _ value: UInt64) -> UInt64 {
        var hash = (value ^ (template &* 0x9E37_79B9_7F4A_7C15)) &* prime
        hash ^= hash >> 29
        return hash
    }

    private static func foldLatin(_ scalar: UInt32) -> UInt32 {
        switch scalar {
        case 0xC0...0xDE where scalar != 0xD7: return scalar + 0x20  // À–Þ except ×
        case 0x100...0x17F where scalar != 0x130 && scalar != 0x131 && scalar != 0x138 && scalar != 0x149 && scalar != 0x17F:
            // Latin Extended-A pairs: even capital, odd small, except 0x139–0x148 and 0x179–0x17E (odd capital).
            if (0x139...0x148).contains(scalar) || (0x179...0x17E).contains(scalar) {
                return scalar % 2 == 1 ? scalar + 1 : scalar
            }
            if scalar == 0x178 { return 0xFF }  // Ÿ
            return scalar % 2 == 0 ? scalar + 1 : scalar
        default: return scalar
        }
    }
}
