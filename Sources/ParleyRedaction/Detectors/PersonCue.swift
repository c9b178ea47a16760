/// A phrase that introduces a personal name, and how much evidence the name after
/// it needs before it counts (`Rule`).
struct PersonCue: Sendable {
    enum Kind: Sendable {
        /// Names the writer outright ("my name is", "call me"): any name.
        case explicit
        /// A role or a record ("the account holder", "name on the card"). Followed
        /// by a link ("is", ":", "name is") it is explicit; otherwise weak.
        case role
        /// Introduces a name only sometimes ("this is", "I'm", "my husband",
        /// "booked for"): needs a known given name, a title, a confirming word
        /// after the name ("here", "speaking"), or what the rule allows besides.
        case weak
        /// Ends a message ("cheers,", "Kind regards\n"): needs a comma, dash or line
        /// break after it, then a known given name, a title, a surname, or a name
        /// that ends the line.
        case signOff
        /// Confirms the name before it ("Olamide here", "Anna Smith speaking"):
        /// the name must open its sentence.
        case confirmation
    }

    /// Whether a name written in lowercase counts.
    enum Lowercase: Sendable {
        case never
        /// Only when the first word is a known given name ("call me anna").
        case known
        case any
    }

    /// What the cue asks of the name after it. Plain values, so reading one per
    /// match costs no reference counting.
    struct Rule: Sendable {
        let kind: Kind
        let score: Double
        var lowercase = Lowercase.never
        /// (Weak cues) a capitalised word the lexicon does not know is enough ("I'm Olamide").
        var singleUnknownWord = false
        /// (Weak cues) two or more name words are enough ("my husband, Tomasz Nowak").
        var twoWords = false
        /// (Role cues) up to three words may stand between the phrase and its link
        /// ("name on the joint account is").
        var bridge = false
        /// (Weak cues) a lone name word that is also an ordinary word counts
        /// ("my husband Grant", "my daughter Hope"): the cue leaves no other reading.
        var ambiguousAlone = false
        /// (Weak cues) a relative ("husband", "Tochter"): after a possessive
        /// ("my husband") the cue reads as `possessedRelation`.
        var relation = false
        /// (Relatives) counts only after a possessive ("mi hijo", never "hijo" alone).
        var needsPossessive = false
    }

    let phrase: String
    let rule: Rule

    static func explicit(_ phrase: String, _ score: Double, lowercase: Lowercase = .never) -> PersonCue {
        PersonCue(phrase: phrase, rule: Rule(kind: .explicit, score: score, lowercase: lowercase))
    }

    static func role(_ phrase: String, bridge: Bool = false) -> PersonCue {
        PersonCue(phrase: phrase, rule: Rule(kind: .role, score: 0.8, lowercase: .known, bridge: bridge))
    }

    static func weak(_ phrase: String, _ score: Double, singleUnknownWord: Bool = false, twoWords: Bool = false)
        -> PersonCue
    {
        PersonCue(
            phrase: phrase,
            rule: Rule(kind: .weak, score: score, singleUnknownWord: singleUnknownWord, twoWords: twoWords))
    }

    /// A relative or companion ("husband", "Tochter", "hijo"): weak alone, and
    /// `possessedRelation` after a possessive. Other languages' words count only
    /// after one (`needsPossessive`: Swedish "man" is a husband, English "man" not).
    static func relation(_ phrase: String, needsPossessive: Bool = false) -> PersonCue {
        PersonCue(
            phrase: phrase,
            rule: Rule(kind: .weak, score: 0.7, twoWords: true, relation: true, needsPossessive: needsPossessive))
    }

    /// How a relative named after a possessive is read ("my husband Grant",
    /// "meine Tochter Lena"): whatever capitalised word follows is their name,
    /// even one that is also an ordinary word or a place.
    static let possessedRelation = Rule(
        kind: .weak, score: 0.75, lowercase: .known, singleUnknownWord: true, twoWords: true, ambiguousAlone: true)

    static func signOff(_ phrase: String) -> PersonCue {
        PersonCue(phrase: phrase, rule: Rule(kind: .signOff, score: 0.75, lowercase: .known))
    }

    static func confirmation(_ phrase: String) -> PersonCue {
        PersonCue(phrase: phrase, rule: Rule(kind: .confirmation, score: 0.75))
    }
}
