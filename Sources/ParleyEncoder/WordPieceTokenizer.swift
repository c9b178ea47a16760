import Foundation

/// BERT's uncased tokenizer, as Hugging Face's `BertTokenizer` with
/// `do_lower_case` (which strips accents too): clean the text (control
/// characters dropped, whitespace made spaces), space out CJK ideographs,
/// split on whitespace, lowercase, strip combining marks (NFD), split off
/// punctuation, then greedy longest-match-first WordPiece with `##`
/// continuations; a word over 100 characters, or one with no match, is `[UNK]`.
/// ASCII text takes a path without Unicode tables.
public struct WordPieceTokenizer: Sendable {
    let vocabulary: WordPieceVocabulary
    public let classID: Int32
    public let separatorID: Int32
    public let unknownID: Int32
    /// Longest output, [CLS] and [SEP] included.
    public let maxTokens: Int
    static let maxWordCharacters = 100

    init(vocabulary tokens: [String], maxTokens: Int) throws(EncoderError) {
        let vocabulary = WordPieceVocabulary(tokens: tokens)
        guard let cls = vocabulary.id(of: "[CLS]"), let sep = vocabulary.id(of: "[SEP]"), let unk = vocabulary.id(of: "[UNK]") else {
            throw .invalidEncoderFile(path: "(vocabulary)", reason: "it lacks [CLS], [SEP] or [UNK]")
        }
        self.vocabulary = vocabulary
        classID = cls
        separatorID = sep
        unknownID = unk
        self.maxTokens = maxTokens
    }

    /// Token ids: `[CLS]`, the word pieces (cut to fit), `[SEP]`.
    public func tokenize(_ text: String) -> [Int32] {
        var ids: [Int32] = [classID]
        ids.reserveCapacity(32)
        let limit = maxTokens - 1
        forEachWord(of: text) { utf8, characterEnds in
            appendPieces(utf8, characterEnds: characterEnds, to: &ids, limit: limit)
            return ids.count < limit
        }
        ids.append(separatorID)
        return ids
    }

    /// Word pieces of one basic token, given as UTF-8 with the byte offset where each character ends.
    private func appendPieces(_ utf8: [UInt8], characterEnds: [Int], to ids: inout [Int32], limit: Int) {
        guard characterEnds.count <= Self.maxWordCharacters else {
            ids.append(unknownID)
            return
        }
        let first = ids.count
        utf8.withUnsafeBufferPointer { all in
            var start = 0  // byte offset
            var startCharacter = 0
            while start < all.count {
                var endCharacter = characterEnds.count - 1
                var found: Int32?
                while endCharacter >= startCharacter {
                    let end = characterEnds[endCharacter]
                    if let id = vocabulary.id(of: UnsafeBufferPointer(rebasing: all[start..<end]), continuation: start > 0) {
                        found = id
                        break
                    }
                    endCharacter -= 1
                }
                guard let id = found else {
                    ids.removeSubrange(first...)
                    ids.append(unknownID)
                    return
                }
                ids.append(id)
                start = characterEnds[endCharacter]
                startCharacter = endCharacter + 1
            }
        }
        if ids.count > limit { ids.removeSubrange(limit...) }
    }

    /// Calls `body` with each basic token (lowercased, accents stripped,
    /// punctuation split off) until it returns false.
    private func forEachWord(of text: String, _ body: (_ utf8: [UInt8], _ characterEnds: [Int]) -> Bool) {
        var utf8: [UInt8] = []
        var ends: [Int] = []
        func flush() -> Bool {
            defer { utf8.removeAll(keepingCapacity: true); ends.removeAll(keepingCapacity: true) }
            return utf8.isEmpty || body(utf8, ends)
        }
        func single(_ scalar: Unicode.Scalar) -> Bool {
            guard flush() else { return false }
            utf8.append(contentsOf: String(scalar).utf8)
            ends.append(utf8.count)
            return flush()
        }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 {
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D:
                    guard flush() else { return }
                case 0..<0x20, 0x7F:
                    continue  // control characters are dropped
                case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E:
                    guard single(Unicode.Scalar(byte)) else { return }
                default:
                    utf8.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                    ends.append(utf8.count)
                }
            }
            _ = flush()
            return
        }
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            let category = scalar.properties.generalCategory
            if Self.isWhitespace(scalar, category) {
                guard flush() else { return }
                continue
            }
            if scalar.value == 0 || scalar.value == 0xFFFD || Self.isControl(category) { continue }
            if Self.isCJK(scalar) {
                guard single(scalar) else { return }
                continue
            }
            // Lowercase, then decompose and drop combining marks, scalar by scalar.
            for lowered in String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
                let loweredCategory = lowered.properties.generalCategory
                if loweredCategory == .nonspacingMark { continue }
                if Self.isPunctuation(lowered, loweredCategory) {
                    guard single(lowered) else { return }
                } else {
                    utf8.append(contentsOf: String(lowered).utf8)
                    ends.append(utf8.count)
                }
            }
        }
        _ = flush()
    }

    static func isWhitespace(_ scalar: Unicode.Scalar, _ category: Unicode.GeneralCategory) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D: return true
        default: return category == .spaceSeparator || (scalar.properties.isWhitespace && category != .control)
        }
    }

    /// Hugging Face's `_is_control`: any "C" category (tab, newline and return are whitespace above).
    static func isControl(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .control, .format, .unassigned, .privateUse, .surrogate: true
        default: false
        }
    }

    static func isPunctuation(_ scalar: Unicode.Scalar, _ category: Unicode.GeneralCategory) -> Bool {
        switch scalar.value {
        case 33...47, 58...64, 91...96, 123...126: return true
        default: break
        }
        switch category {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
             0x2B740...0x2B81F, 0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F: true
        default: false
        }
    }
}
