/// Splits an utterance into tokens for feature extraction and lookup matching.
///
/// Rules, chosen for support chat in Latin and other alphabetic scripts:
/// letters and combining marks form words (an apostrophe between letters stays
/// inside the word: `don't`); digit runs become number tokens whose text keeps
/// the shape (`12345` → `00000`); a redaction placeholder such as `[EMAIL]` or
/// `[CREDIT_CARD]` is one placeholder token; everything else separates tokens.
/// Text is lowercased per scalar, so offsets stay those of the original text.
/// Scripts without spaces (CJK) come out as one word per run of letters; the
/// character n-grams still see inside it.
public struct Tokenizer: Sendable {
    public init() {}

    public func tokenize(_ text: String) -> [Token] {
        var buffer = TokenBuffer()
        scan(text, into: &buffer)
        return (0..<buffer.count).map { index in
            var view = String.UnicodeScalarView()
            for value in buffer.scalars[buffer.range(of: index)] {
                // Every stored value came from a Unicode.Scalar, so it is valid.
                if let scalar = Unicode.Scalar(value) { view.append(scalar) }
            }
            return Token(text: String(view), kind: buffer.kinds[index], start: buffer.starts[index], end: buffer.ends[index])
        }
    }

    /// Tokenises into a reusable flat buffer (no string per token): the fast
    /// path under feature extraction.
    func scan(_ text: String, into buffer: inout TokenBuffer) {
        buffer.removeAll()
        var scalars: [Unicode.Scalar] = []
        swap(&scalars, &buffer.source)  // reuse its storage without a copy-on-write
        scalars.removeAll(keepingCapacity: true)
        scalars.append(contentsOf: text.unicodeScalars)
        defer { buffer.source = scalars }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "[", let end = placeholderEnd(scalars, from: index) {
                for offset in index..<end { buffer.appendLowercased(scalars[offset]) }
                buffer.end(kind: .placeholder, start: index, end: end)
                index = end
            } else if Self.isDigit(scalar) {
                var end = index
                while end < scalars.count, Self.isDigit(scalars[end]) {
                    buffer.scalars.append(0x30)
                    end += 1
                }
                buffer.end(kind: .number, start: index, end: end)
                index = end
            } else if Self.isLetter(scalar) {
                buffer.appendLowercased(scalar)
                var end = index + 1
                while end < scalars.count {
                    if Self.isLetter(scalars[end]) {
                        buffer.appendLowercased(scalars[end])
                        end += 1
                    } else if Self.isApostrophe(scalars[end]), end + 1 < scalars.count, Self.isLetter(scalars[end + 1]) {
                        buffer.scalars.append(0x27)
                        buffer.appendLowercased(scalars[end + 1])
                        end += 2
                    } else {
                        break
                    }
                }
                buffer.end(kind: .word, start: index, end: end)
                index = end
            } else {
                index += 1
            }
        }
    }

    /// `[UPPER_CASE]` placeholders: 2–32 capital letters, digits or underscores.
    private func placeholderEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start + 1
        while index < scalars.count, index - start <= 33 {
            let scalar = scalars[index]
            if scalar == "]" { return index - start >= 3 ? index + 1 : nil }
            guard ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" else { return nil }
            index += 1
        }
        return nil
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("0"..."9").contains(scalar) }
        return scalar.properties.numericType == .decimal
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}"
    }
}

/// Tokens as one flat array of lowercased scalar values plus per-token
/// bounds; reused between calls so tokenising allocates nothing once warm.
struct TokenBuffer {
    var scalars: [UInt32] = []
    /// Token `i` is `scalars[bounds[i]..<bounds[i + 1]]`.
    private(set) var bounds: [Int] = [0]
    private(set) var kinds: [Token.Kind] = []
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []
    fileprivate var source: [Unicode.Scalar] = []

    var count: Int { kinds.count }

    func range(of token: Int) -> Range<Int> { bounds[token]..<bounds[token + 1] }

    mutating func removeAll() {
        scalars.removeAll(keepingCapacity: true)
        bounds.removeAll(keepingCapacity: true)
        bounds.append(0)
        kinds.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    fileprivate mutating func end(kind: Token.Kind, start: Int, end: Int) {
        bounds.append(scalars.count)
        kinds.append(kind)
        starts.append(start)
        ends.append(end)
    }

    fileprivate mutating func appendLowercased(_ scalar: Unicode.Scalar) {
        if scalar.isASCII {
            let value = scalar.value
            scalars.append((0x41...0x5A).contains(value) ? value + 0x20 : value)
        } else {
            for lower in scalar.properties.lowercaseMapping.unicodeScalars { scalars.append(lower.value) }
        }
    }
}
