/// What the featuriser extracts. Part of a model's hyper-parameters, stored in
/// the model file so that parsing uses exactly what training used.
public struct FeatureConfiguration: Sendable, Hashable, Codable {
    /// Word n-gram lengths (1 = unigrams, 2 = bigrams).
    public var wordNGramMin: Int
    public var wordNGramMax: Int
    /// Character n-gram lengths inside word boundaries (`char_wb` in scikit-learn terms).
    public var charNGramMin: Int
    public var charNGramMax: Int
    /// Use 1 + log(tf) instead of raw counts.
    public var sublinearTermFrequency: Bool
    /// Features seen in fewer training utterances are dropped.
    public var minDocumentFrequency: Int
    /// Relative weight of the character block against the word block; each
    /// block is L2-normalised on its own first.
    public var charBlockWeight: Float
    /// Add word n-grams (length ≥ 2) that include a start-of-text or
    /// end-of-text marker, such as `<s> why` or `card </s>`.
    public var boundaryMarkers: Bool

    public init(
        wordNGramMin: Int = 1, wordNGramMax: Int = 3,
        charNGramMin: Int = 2, charNGramMax: Int = 5,
        sublinearTermFrequency: Bool = true,
        minDocumentFrequency: Int = 1,
        charBlockWeight: Float = 1,
        boundaryMarkers: Bool = true
    ) {
        self.wordNGramMin = wordNGramMin
        self.wordNGramMax = wordNGramMax
        self.charNGramMin = charNGramMin
        self.charNGramMax = charNGramMax
        self.sublinearTermFrequency = sublinearTermFrequency
        self.minDocumentFrequency = minDocumentFrequency
        self.charBlockWeight = charBlockWeight
        self.boundaryMarkers = boundaryMarkers
    }

    func validate() throws(NLUError) {
        guard wordNGramMin >= 1, wordNGramMax >= wordNGramMin, wordNGramMax <= 4 else {
            throw .invalidHyperParameter("word n-gram range must be within 1...4")
        }
        guard charNGramMin >= 1, charNGramMax >= charNGramMin, charNGramMax <= 8 else {
            throw .invalidHyperParameter("character n-gram range must be within 1...8")
        }
        guard minDocumentFrequency >= 1 else {
            throw .invalidHyperParameter("minimum document frequency must be at least 1")
        }
        guard charBlockWeight >= 0, charBlockWeight.isFinite else {
            throw .invalidHyperParameter("character block weight must be a non-negative number")
        }
    }

    private enum CodingKeys: String, CodingKey {
        case wordNGramMin, wordNGramMax, charNGramMin, charNGramMax, sublinearTermFrequency
        case minDocumentFrequency, charBlockWeight, boundaryMarkers
    }

    /// `boundaryMarkers` came after format version 1; it is off in version-1 models.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        wordNGramMin = try c.decode(Int.self, forKey: .wordNGramMin)
        wordNGramMax = try c.decode(Int.self, forKey: .wordNGramMax)
        charNGramMin = try c.decode(Int.self, forKey: .charNGramMin)
        charNGramMax = try c.decode(Int.self, forKey: .charNGramMax)
        sublinearTermFrequency = try c.decode(Bool.self, forKey: .sublinearTermFrequency)
        minDocumentFrequency = try c.decode(Int.self, forKey: .minDocumentFrequency)
        charBlockWeight = try c.decode(Float.self, forKey: .charBlockWeight)
        boundaryMarkers = try c.decodeIfPresent(Bool.self, forKey: .boundaryMarkers) ?? false
    }
}
