import Testing
@testable import ParleyNLU

@Suite("Features")
struct FeatureTests {
    /// Word 1–2-grams without boundary markers, to count features by hand.
    let extractor = FeatureExtractor(configuration: FeatureConfiguration(wordNGramMax: 2, boundaryMarkers: false))

    @Test func producesWordUnigramsAndBigramsAndPaddedCharacterGrams() {
        let (words, chars) = extractor.features(of: "my card")
        #expect(words.count == 3)  // my, card, "my card"
        // " my " has 4 padded scalars: 3 bigrams, 2 trigrams, 1 4-gram; " card " has 6: 5 + 4 + 3 + 2.
        #expect(chars.count == 6 + 14)
    }

    @Test func defaultsAddTrigramsAndBoundaryMarkedNGrams() {
        let (words, _) = FeatureExtractor(configuration: FeatureConfiguration()).features(of: "my card")
        // my, card; <s> my, my card, card </s>; <s> my card, my card </s>.
        #expect(words.count == 7)
        #expect(Set(words).isSuperset(of: extractor.features(of: "my card").words))
        let single = FeatureExtractor(configuration: FeatureConfiguration()).features(of: "card").words
        #expect(single.count == 4)  // card; <s> card, card </s>; <s> card </s>
    }

    @Test func givesPlaceholdersAWordFeatureButNoCharacterGrams() {
        let (words, chars) = extractor.features(of: "[EMAIL]")
        #expect(words.count == 1)
        #expect(chars.isEmpty)
    }

    @Test func hashesCaseAndDigitVariantsAlike() {
        #expect(extractor.features(of: "Card 1234").words == extractor.features(of: "card 9876").words)
        #expect(extractor.features(of: "CARD").chars == extractor.features(of: "card").chars)
    }

    @Test func distinguishesAccentedFromPlainWords() {
        #expect(extractor.features(of: "café").words != extractor.features(of: "cafe").words)
    }

    @Test func handlesEmojiCJKAndRTLWithoutFeaturesFromSymbols() {
        #expect(extractor.features(of: "🙂🙂").words.isEmpty)
        let (cjkWords, cjkChars) = extractor.features(of: "我的卡")
        #expect(cjkWords.count == 1)
        #expect(cjkChars.count == 4 + 3 + 2 + 1)  // " 我的卡 ": 5 padded scalars
        #expect(!extractor.features(of: "שלום").chars.isEmpty)
    }

    @Test func vectorBlocksAreUnitLengthWithDistinctColumnsWordsFirst() throws {
        let vectorizer = try Vectorizer.fit(["my card is lost", "top up failed", "card lost 123"], configuration: FeatureConfiguration())
        let vector = vectorizer.vector(for: "my card is lost")
        #expect(Set(vector.indices).count == vector.indices.count)
        let firstChar = vector.indices.firstIndex { Int($0) >= vectorizer.wordFeatureCount } ?? vector.count
        #expect(vector.indices[..<firstChar].allSatisfy { Int($0) < vectorizer.wordFeatureCount })
        #expect(vector.indices[firstChar...].allSatisfy { Int($0) >= vectorizer.wordFeatureCount })
        let wordPart = zip(vector.indices, vector.values).filter { Int($0.0) < vectorizer.wordFeatureCount }.map(\.1)
        let charPart = zip(vector.indices, vector.values).filter { Int($0.0) >= vectorizer.wordFeatureCount }.map(\.1)
        #expect(abs(wordPart.reduce(0) { $0 + $1 * $1 } - 1) < 1e-5)
        #expect(abs(charPart.reduce(0) { $0 + $1 * $1 } - 1) < 1e-5)
        #expect(vectorizer.vector(for: "zzz qqq").indices.allSatisfy { Int($0) >= vectorizer.wordFeatureCount })
    }

    @Test func minimumDocumentFrequencyDropsRareFeatures() throws {
        var configuration = FeatureConfiguration(wordNGramMax: 2, boundaryMarkers: false)
        let texts = ["card lost", "card found", "top up"]
        let all = try Vectorizer.fit(texts, configuration: configuration)
        configuration.minDocumentFrequency = 2
        let pruned = try Vectorizer.fit(texts, configuration: configuration)
        #expect(pruned.featureCount < all.featureCount)
        #expect(pruned.wordFeatureCount == 1)  // only "card" is in two texts
    }

    @Test func featureIndexFindsEveryKeyAndRejectsOthers() {
        let hashes: [UInt64] = (0..<1000).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 ^ 0xABCDEF }
        let index = FeatureIndex(hashes: hashes)
        for (column, hash) in hashes.enumerated() { #expect(index.column(of: hash) == Int32(column)) }
        #expect(index.column(of: 12345) == nil)
    }
}
