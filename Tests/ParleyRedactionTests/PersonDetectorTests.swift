import Testing
@testable import ParleyRedaction

@Suite("Person detector")
struct PersonDetectorTests {
    @Test(arguments: [
        ("my name is Anna Schmidt", "Anna Schmidt"),
        ("Hi, this is José Álvarez speaking", "José Álvarez"),
        ("I am called Zoë", "Zoë"),
        ("Name: Siobhán O'Connor", "Siobhán O'Connor"),
        ("My name's Jean-Luc Picard, hi", "Jean-Luc Picard"),
        ("my name is anna van der Berg", "anna van der Berg"),
        ("I'm Priya, the account holder", "Priya"),
        ("my name is Mr Smith", "Smith"),
        ("Thanks for the help.\nKind regards,\nMarta Nowak", "Marta Nowak"),
    ])
    func findsNamesAfterCues(text: String, name: String) {
        #expect(Fixture.found(text, .person) == [name])
    }

    @Test(arguments: [
        "I'm Sorry about that", "my name is on the joint account", "this is Important to me",
        "I am Not happy", "Hi, I'm writing about my card",
    ])
    func ignoresSentencesWithoutANameAfterTheCue(text: String) {
        #expect(Fixture.found(text, .person).isEmpty)
    }

    @Test func keepsCombiningMarksInsideTheName() {
        let text = "my name is Jose\u{301} Garci\u{301}a."
        #expect(Fixture.found(text, .person) == ["Jose\u{301} Garci\u{301}a"])
    }
}
