/// One token for the named-entity tagger: a word (letters of any script, with
/// inner apostrophes and hyphens: `O'Brien`, `Jean-Luc`, `Łódź`), a number, or
/// one punctuation character. Byte offsets.
struct NERToken {
    enum Kind: UInt8 {
        case word, number, punctuation
    }

    struct Shape: OptionSet {
        let rawValue: UInt8
        /// The first letter is a capital.
        static let capitalised = Shape(rawValue: 1)
        /// Two or more letters, all capitals ("NHS", "LONDON").
        static let allCapitals = Shape(rawValue: 2)
        static let nonASCII = Shape(rawValue: 4)
        /// A line break or the text's start comes before it, or sentence punctuation.
        static let sentenceStart = Shape(rawValue: 8)
        /// Contains an apostrophe or a hyphen ("O'Brien", "Jean-Luc").
        static let joined = Shape(rawValue: 16)
        /// A capital after a small letter ("WhatsApp", "iPhone"), other than "McX"/"MacX".
        static let innerCapital = Shape(rawValue: 32)
    }

    let start: Int
    let end: Int
    let kind: Kind
    let shape: Shape
    /// `WordHash.lowercased` of the token.
    let hash: UInt64

    var length: Int { end - start }
}
