import Testing
@testable import ParleyRedaction

@Suite("Embedded word lists, their format and the tagger's hashing")
struct ShippedDataTests {
    private static func list(_ text: String) -> (WordList?, [String]?) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            guard let list = WordList(buffer) else { return (nil, nil) }
            return (list, list.strings)
        }
    }

    @Test func shippedListsDecodeToSortedLowercaseEntriesAsManyAsTheirHeadersSay() throws {
        for kind in ShippedData.List.allCases {
            let list = ShippedData.wordList(kind)
            let entries = try #require(list.strings)
            #expect(entries.count == list.count)
            #expect(entries.count > 20_000)
            #expect(zip(entries, entries.dropFirst()).allSatisfy { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            #expect(!entries.contains { $0.utf8.first?.isASCIIUpper == true })
        }
    }

    @Test func frontCodedEntriesShareTheirPrefixWithTheEntryBefore() {
        let (list, entries) = Self.list("#parley-words 1 4\n0anna\n3e\n0łódź\n2ka\n")
        #expect(list?.count == 4)
        #expect(entries == ["anna", "anne", "łódź", "łka"])
    }

    @Test(arguments: [
        "#parley-words 1 2\n0anna\n9x\n",  // shares more than the entry before has
        "#parley-words 1 3\n0anna\n3e\n",  // fewer entries than the header says
        "#parley-words 1 1\n0anna",  // the last line has no newline
        "#parley-words 1 2\n0anna\n0\n",  // an empty entry
    ])
    func malformedListsAreRefused(text: String) {
        let (list, entries) = Self.list(text)
        #expect(list != nil)
        #expect(entries == nil)
    }

    @Test(arguments: ["", "anna\nanne\n", "#parley-words 2 1\n0anna\n", "#parley-words 1 x\n0anna\n"])
    func textWithoutTheHeaderIsNoWordList(text: String) {
        #expect(Self.list(text).0 == nil)
    }

    @Test func shippedWeightsAreTheSerialisedFormat() {
        #expect(PerceptronWeights.deserialise(Array(ShippedData.nerWeights)) != nil)
    }

    /// The tokenizer hashes each word while it reads it; the value must be the
    /// one `WordHash.lowercased` gives, which the lists and weights are keyed by.
    @Test(arguments: [
        "Maria López moved from Łódź to ÉCOLE-sur-Mer, O’Brien said.",
        "SW1A 1AA, ORD2024 and 3rd Street; Ærøskøbing, İstanbul, ŠKODA, Ĳssel",
        "jean-luc d'Arc – «Zoë» 🙂 Ñandú МОСКВА Αθήνα 東京 x\u{00A0}y",
        "MacLeod McDonald WhatsApp iPhone\nNew line: Über",
    ])
    func tokenHashesEqualTheWordHashOfTheirBytes(text: String) {
        var copy = text
        copy.withUTF8 { bytes in
            let input = ScanInput(bytes: bytes)
            NERTokenizer.withTokens(input) { tokens in
                #expect(!tokens.isEmpty)
                for token in tokens {
                    #expect(token.hash == WordHash.lowercased(bytes, token.start, token.end))
                }
            }
        }
    }

    @Test func wordHashTableMergesFlagsAndFindsOnlyWhatItHolds() {
        var table = WordHashTable(capacityFor: 3)
        table.insert(WordHash.of("porto"), 1)
        table.insert(WordHash.of("porto"), 4)
        table.insert(WordHash.of("anna"), 2)
        #expect(table.flags(of: WordHash.of("Porto")) == 5)
        #expect(table.flags(of: WordHash.of("anna")) == 2)
        #expect(!table.contains(WordHash.of("lisbon")))
    }

    @Test func multiWordPlacesFileTheirLongerWordsAsPlaces() {
        let lexicons = NameLexicons.builtIn
        #expect(lexicons.kind(of: "new york").contains(.place))
        #expect(lexicons.kind(of: "coruña").contains(.place))
    }
}
