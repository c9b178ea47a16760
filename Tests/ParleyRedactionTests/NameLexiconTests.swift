import Testing
@testable import ParleyRedaction

@Suite("Name lexicon and scanner")
struct NameLexiconTests {
    private static let lexicon = NameLexicon()

    private static func kind(_ word: String) -> NameLexicon.Kind {
        var copy = word
        return copy.withUTF8 { bytes in
            let input = ScanInput(bytes: bytes)
            return lexicon.kind(input, 0, input.count)
        }
    }

    private static func isSurname(_ word: String) -> Bool {
        var copy = word
        return copy.withUTF8 { bytes in
            let input = ScanInput(bytes: bytes)
            return lexicon.isSurname(input, 0, input.count)
        }
    }

    @Test(arguments: ["Anna", "anna", "PRIYA", "Olamide", "Siobhán", "Jean-Luc", "Łukasz", "Zoë"])
    func knowsCommonGivenNamesAcrossOrigins(name: String) {
        #expect(Self.kind(name) == .known)
    }

    @Test(arguments: ["Will", "May", "Grant", "Bill", "Victoria", "Grace"])
    func namesThatAreAlsoWordsAreAmbiguous(name: String) {
        #expect(Self.kind(name) == .ambiguous)
    }

    @Test(arguments: ["Table", "Invoice", "A", "Monday"])
    func ordinaryWordsAreUnknown(word: String) {
        #expect(Self.kind(word) == .unknown)
    }

    @Test func knowsCommonSurnamesButNotNounLikeOnes() {
        #expect(Self.isSurname("Papadopoulos"))
        #expect(Self.isSurname("O'Connor"))
        #expect(!Self.isSurname("Church"))
        #expect(!Self.isSurname("Park"))
    }

    @Test func scannerStopsAtPossessivesAndContractions() {
        #expect(Fixture.found("my name is Anna's", .person) == ["Anna"])
        #expect(Fixture.found("my name is I'll tell you later", .person).isEmpty)
    }

    @Test func scannerKeepsInitials() {
        #expect(Fixture.found("my name is J. Smith", .person) == ["J. Smith"])
        #expect(Fixture.found("my name is John F. Kennedy", .person) == ["John F. Kennedy"])
    }
}
