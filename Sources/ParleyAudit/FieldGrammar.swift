/// The character rules of entry fields, in one place (documented in
/// `parley-audit-format(5)`, section FIELD RULES).
enum FieldGrammar {
    /// `[a-z][a-z0-9_-]*`: role-like words, target kinds, actor schemes.
    static func isWord(_ text: String, maxBytes: Int) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, bytes.count <= maxBytes, isLower(first) else { return false }
        return bytes.allSatisfy { isLower($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    /// Two or more words joined by dots: `conversation.read`, `auth.failed`.
    static func isDottedVerb(_ text: String, maxBytes: Int) -> Bool {
        guard text.utf8.count <= maxBytes else { return false }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { isWord(String($0), maxBytes: maxBytes) }
    }

    /// 1…maxBytes visible ASCII characters (0x21–0x7E): identifiers, never free text.
    static func isVisibleASCII(_ text: String, maxBytes: Int) -> Bool {
        let bytes = text.utf8
        return !bytes.isEmpty && bytes.count <= maxBytes && bytes.allSatisfy { $0 >= 0x21 && $0 <= 0x7E }
    }

    /// `[A-Za-z0-9_.-]`, 1…maxBytes: detail keys.
    static func isDetailKey(_ text: String, maxBytes: Int) -> Bool {
        let bytes = text.utf8
        return !bytes.isEmpty && bytes.count <= maxBytes && bytes.allSatisfy {
            isLower($0) || isDigit($0) || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z"))
                || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
        }
    }

    /// At most maxBytes of UTF-8 without control characters (U+0000–U+001F, U+007F–U+009F).
    static func isPlainText(_ text: String, maxBytes: Int) -> Bool {
        text.utf8.count <= maxBytes && text.unicodeScalars.allSatisfy { scalar in
            !(scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F))
        }
    }

    private static func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
