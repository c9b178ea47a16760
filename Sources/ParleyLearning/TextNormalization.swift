/// The form of a (redacted) text that decides whether two texts are "the
/// same" for the review queue and the held-out split: lower case, runs of
/// white space as one space, no white space or end punctuation at the ends.
public enum TextNormalization {
    public static func normalized(_ text: String) -> String {
        let words = text.lowercased().split(whereSeparator: { $0.isWhitespace })
        var joined = words.joined(separator: " ")
        while let last = joined.last, ".!?,;:".contains(last) { joined.removeLast() }
        return joined
    }
}
