/// A possible span found by a detector, in UTF-8 byte offsets, before context
/// scoring, keep rules, thresholds and overlap resolution.
struct Candidate {
    var type: PIIEntityType
    var start: Int
    var end: Int
    var score: Double
    var detector: String
    /// When true the context scorer adjusts `score` from the words around it.
    var usesContext: Bool

    var length: Int { end - start }
}
