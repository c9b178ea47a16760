/// The features the tagger weighs for one token, as hashes: the word itself
/// (unless a list vouches for it: then its lists speak, so that names and places
/// nobody listed in training are read from context), its suffix, its shape, the
/// lists it is in (given names, surnames, places, ordinary words), the words and
/// shapes around it, and the tags already given to the two tokens before it.
enum NERFeatures {
    static let maximumCount = 32

    private enum Template: UInt64 {
        case bias = 1, word, suffix3, suffix2, shape, lists, listsAndShape, previousWord, nextWord, previousWord2
        case previousTag, previousTags, previousTagAndShape, previousShape, nextShape, nextLists, previousLists
        case previousIsNumber, nextIsComma, length, nextWord2, previousWordAndShape, nextListsAndShape
    }

    /// `dropLists` hides the token's own lists (training does so for a share of
    /// tokens, so that context and shape carry weight of their own).
    static func extract(
        _ tokens: UnsafeBufferPointer<NERToken>, _ index: Int, previousTag: Int, previousTag2: Int, input: ScanInput,
        lexicons: NameLexicons, dropLists: Bool = false, kindCache: UnsafeMutablePointer<UInt8>? = nil,
        into features: inout NERFeatureVector
    ) {
        features.removeAll()
        let token = tokens[index]
        let kinds = TokenKinds(lexicons: lexicons, tokens: tokens, cache: kindCache)
        @inline(__always) func add(_ template: Template, _ value: UInt64) {
            features.append(WordHash.feature(template.rawValue, value))
        }
        let listed = kinds(index)
        let lists = dropLists ? NameLexicons.Kind() : listed
        let shape = shapeCode(token)
        add(.bias, 0)
        if listed.isEmpty || listed.contains(.common) { add(.word, token.hash) }
        if token.kind == .word, token.length >= 4 {
            add(.suffix3, suffixHash(token, 3, input))
            add(.suffix2, suffixHash(token, 2, input))
        }
        add(.shape, shape)
        add(.lists, UInt64(lists.rawValue))
        add(.listsAndShape, UInt64(lists.rawValue) << 8 | shape)
        let previous = index > 0 ? tokens[index - 1] : nil
        let next = index + 1 < tokens.count ? tokens[index + 1] : nil
        add(.previousWord, previous?.hash ?? 0)
        add(.nextWord, next?.hash ?? 0)
        add(.previousWord2, index > 1 ? tokens[index - 2].hash : 0)
        add(.previousShape, previous.map(shapeCode) ?? 99)
        add(.nextShape, next.map(shapeCode) ?? 99)
        let nextLists = next != nil ? kinds(index + 1).rawValue : 0
        add(.nextLists, UInt64(nextLists))
        add(.nextListsAndShape, UInt64(nextLists) << 8 | shape)
        add(.previousLists, UInt64(previous != nil ? kinds(index - 1).rawValue : 0))
        add(.previousTag, UInt64(previousTag))
        add(.previousTags, UInt64(previousTag2 * 8 + previousTag))
        add(.previousTagAndShape, UInt64(previousTag) << 8 | shape)
        add(.previousIsNumber, previous?.kind == .number ? 1 : 0)
        add(.nextIsComma, next.map { input[$0.start] == 0x2C ? 1 : 0 } ?? 2)
    }

    /// Capitalised, all capitals, lowercase, number or punctuation, with
    /// sentence start, non-ASCII and joined marks.
    static func shapeCode(_ token: NERToken) -> UInt64 {
        var code: UInt64
        switch token.kind {
        case .number: code = 1
        case .punctuation: code = 2
        case .word:
            code = token.shape.contains(.allCapitals) ? 3 : token.shape.contains(.capitalised) ? 4 : 5
        }
        if token.shape.contains(.sentenceStart) { code |= 8 }
        if token.shape.contains(.nonASCII) { code |= 16 }
        if token.shape.contains(.joined) { code |= 32 }
        return code
    }

    private static func suffixHash(_ token: NERToken, _ length: Int, _ input: ScanInput) -> UInt64 {
        var start = token.end - length
        while start > token.start, !input[start].isScalarStart { start -= 1 }
        return WordHash.lowercased(input.bytes, start, token.end) &+ UInt64(length)
    }
}
