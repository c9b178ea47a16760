/// Splits text into `NERToken`s in one pass over the bytes. Bytes of
/// multi-byte scalars count as letters except typographic punctuation
/// (U+2000–U+206F: dashes, quotes, ellipsis), no-break spaces and the
/// guillemets, which are punctuation.
enum NERTokenizer {
    /// Calls `body` with the tokens of `input`, in memory freed after.
    static func withTokens<Result>(_ input: ScanInput, _ body: (UnsafeBufferPointer<NERToken>) throws -> Result) rethrows -> Result {
        let storage = UnsafeMutablePointer<NERToken>.allocate(capacity: input.count + 1)
        defer { storage.deallocate() }
        return try body(UnsafeBufferPointer(start: storage, count: tokens(input, into: storage)))
    }

    /// Writes the tokens of `input` to `buffer` (room for `input.count` tokens:
    /// a token is at least one byte) and returns how many. Each word's hash is
    /// computed while it is read, with the same value as `WordHash.lowercased`.
    static func tokens(_ input: ScanInput, into buffer: UnsafeMutablePointer<NERToken>) -> Int {
        let bytes = input.bytes
        let count = bytes.count
        var produced = 0
        @inline(__always) func emit(_ token: NERToken) {
            (buffer + produced).initialize(to: token)
            produced += 1
        }
        var index = 0
        var atSentenceStart = true
        while index < count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                index += 1
                continue
            }
            if byte == 0x0A {
                atSentenceStart = true
                index += 1
                continue
            }
            let start = index
            if byte.isASCIIDigit {
                // A number, or a code of digits and letters ("1Z999AA1", "SW1A", "3rd"): never a name.
                var hash = WordHash.offsetBasis
                while index < count, bytes[index].isASCIIAlnum {
                    hash = WordHash.mix(hash, bytes[index].asciiLowercased)
                    index += 1
                }
                emit(NERToken(start: start, end: index, kind: .number, shape: atSentenceStart ? .sentenceStart : [], hash: hash))
                atSentenceStart = false
                continue
            }
            if let length = letterLength(bytes, at: index) {
                var shape: NERToken.Shape = atSentenceStart ? .sentenceStart : []
                var uppercase = 0
                var lowercase = 0
                var hash = WordHash.mixLetter(WordHash.offsetBasis, bytes, index, length)
                index += length
                while index < count {
                    let letter = bytes[index]
                    if letter.isASCIILower {
                        lowercase += 1
                        hash = WordHash.mix(hash, letter)
                        index += 1
                    } else if letter.isASCIIUpper {
                        uppercase += 1
                        if bytes[index - 1].isASCIILower, !isMacPrefix(bytes, start, index) { shape.insert(.innerCapital) }
                        hash = WordHash.mix(hash, letter.asciiLowercased)
                        index += 1
                    } else if let next = letterLength(bytes, at: index) {
                        if letter >= 0x80 { shape.insert(.nonASCII) }
                        hash = WordHash.mixLetter(hash, bytes, index, next)
                        index += next
                    } else if let joiner = joinerLength(bytes, at: index), index + joiner < count,
                              letterLength(bytes, at: index + joiner) != nil
                    {
                        shape.insert(.joined)
                        for offset in index..<(index + joiner) { hash = WordHash.mix(hash, bytes[offset]) }
                        index += joiner
                    } else {
                        break
                    }
                }
                if index < count, bytes[index].isASCIIDigit {
                    // Letters running into digits ("SW1A", "ORD2024"): a code, not a word.
                    while index < count, bytes[index].isASCIIAlnum {
                        hash = WordHash.mix(hash, bytes[index].asciiLowercased)
                        index += 1
                    }
                    emit(NERToken(start: start, end: index, kind: .number, shape: shape, hash: hash))
                    atSentenceStart = false
                    continue
                }
                let first = bytes[start]
                if first >= 0x80 {
                    shape.insert(.nonASCII)
                    if let (scalar, _) = input.scalar(at: start), scalar.properties.isUppercase { shape.insert(.capitalised) }
                } else if first.isASCIIUpper {
                    shape.insert(.capitalised)
                    if lowercase == 0, uppercase >= 1 { shape.insert(.allCapitals) }
                }
                emit(NERToken(start: start, end: index, kind: .word, shape: shape, hash: hash))
                atSentenceStart = false
                continue
            }
            // Punctuation: one scalar.
            var end = index + 1
            while end < count, !bytes[end].isScalarStart { end += 1 }
            emit(NERToken(start: start, end: end, kind: .punctuation, shape: [], hash: WordHash.lowercased(bytes, start, end)))
            atSentenceStart = byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x3A
            index = end
        }
        return produced
    }

    /// The byte length of the letter at `index`, or nil when it is no letter.
    @inline(__always) private static func letterLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let byte = bytes[index]
        if byte < 0x80 { return byte.isASCIILetter ? 1 : nil }
        if byte < 0xC0 { return nil }
        let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
        guard index + length <= bytes.count else { return nil }
        switch byte {
        case 0xC2:
            return nil  // U+0080–U+00BF: no-break space, «, », ¿, ¡, currency signs
        case 0xC3 where bytes[index + 1] == 0x97 || bytes[index + 1] == 0xB7:
            return nil  // × ÷
        case 0xE2:
            return nil  // general punctuation, arrows, symbols (U+2000–U+2FFF)
        case 0xE3 where bytes[index + 1] == 0x80:
            return nil  // CJK punctuation
        case 0xEF where bytes[index + 1] >= 0xBC:
            return nil  // full-width forms
        case 0xF0:
            return nil  // emoji and other astral symbols
        default:
            return length
        }
    }

    /// "Mc" or "Mac" from `start` to `index` ("McDonald", "MacLeod").
    private static func isMacPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ index: Int) -> Bool {
        guard bytes[start] == 0x4D else { return false }  // M
        if index - start == 2 { return bytes[start + 1] == 0x63 }  // Mc
        return index - start == 3 && bytes[start + 1] == 0x61 && bytes[start + 2] == 0x63  // Mac
    }

    /// An apostrophe (' or ’) or a hyphen inside a word.
    @inline(__always) private static func joinerLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let byte = bytes[index]
        if byte == 0x27 || byte == 0x2D { return 1 }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 { return 3 }
        return nil
    }
}
