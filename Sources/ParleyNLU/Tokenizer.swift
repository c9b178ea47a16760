/// Splits an utterance into tokens for feature extraction and lookup matching.
///
/// Rules, chosen for support chat in Latin and other alphabetic scripts:
/// letters and combining marks form words (an apostrophe between letters stays
/// inside the word: `don't`); digit runs become number tokens whose text keeps
/// the shape (`12345` → `00000`); a redaction placeholder such as `[EMAIL]` or
/// `[CREDIT_CARD]` is one placeholder token; everything else separates tokens.
/// Text is lowercased per scalar, so offsets stay those of the original text.
public struct Tokenizer: Sendable {
    public init() {}

    public func tokenize(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "[", let end = placeholderEnd(scalars, from: index) {
                let body = String(String.UnicodeScalarView(scalars[index..<end]))
                tokens.append(Token(text: body.lowercased(), kind: .placeholder, start: index, end: end))
                index = end
            } else if Self.isDigit(scalar) {
                var end = index
                while end < scalars.count, Self.isDigit(scalars[end]) { end += 1 }
                tokens.append(Token(text: String(repeating: "0", count: end - index), kind: .number, start: index, end: end))
                index = end
            } else if Self.isLetter(scalar) {
                var end = index + 1
                while end < scalars.count {
                    if Self.isLetter(scalars[end]) {
                        end += 1
                    } else if Self.isApostrophe(scalars[end]), end + 1 < scalars.count, Self.isLetter(scalars[end + 1]) {
                        end += 2
                    } else {
                        break
                    }
                }
                var word = String.UnicodeScalarView()
                for scalar in scalars[index..<end] {
                    word.append(contentsOf: Self.isApostrophe(scalar) ? "'".unicodeScalars : scalar.properties.lowercaseMapping.unicodeScalars)
                }
                tokens.append(Token(text: String(word), kind: .word, start: index, end: end))
                index = end
            } else {
                index += 1
            }
        }
        return tokens
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
        scalar.properties.numericType == .decimal
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}"
    }
}
