import Testing
@testable import ParleyRedaction

@Suite("Person patterns without a cue")
struct PersonPatternTests {
    @Test(arguments: [
        ("Please address the letter to Mrs MacDonald", "MacDonald"),
        ("Dr Smith referred me to the clinic", "Smith"),
        ("You can reach Mr van der Berg after five", "van der Berg"),
        ("Priya Fernández called yesterday", "Priya Fernández"),
        ("Łukasz Dubois moved to Leeds", "Łukasz Dubois"),
        ("Grace Papadopoulos will pay the invoice", "Grace Papadopoulos"),
        ("Olamide here, my router keeps dropping", "Olamide"),
        ("Hello, Sarah Jones speaking", "Sarah Jones"),
        ("Anna Kowalski here again about the refund", "Anna Kowalski"),
    ])
    func titlesKnownNamesAndConfirmedNamesAreFound(text: String, name: String) {
        #expect(Fixture.found(text, .person) == [name])
    }

    @Test(arguments: [
        "Will you call me back tomorrow?",
        "May I ask why my bill went up?",
        "The bill for May is wrong",
        "Grant me access to the portal please",
        "I applied for the Grant last year",
        "Can I pay my Bill online?",
        "Victoria Road is closed",
        "Grace Church is on the corner",
        "Things here are getting worse",
        "Nothing here works",
        "Bonjour, Here: the form",
        "Hello 👋 The app keeps crashing",
    ])
    func wordsThatOnlyLookLikeNamesAreLeftAlone(text: String) {
        #expect(Fixture.found(text, .person).isEmpty)
    }

    @Test func drAfterAStreetNameIsADriveNotADoctor() {
        #expect(Fixture.found("12 Oak Dr Springfield", .person).isEmpty)
        #expect(Fixture.found("12 Oak Dr Springfield", .streetAddress) == ["12 Oak Dr"])
    }

    @Test func organisationWordsRejectTheWholeName() {
        #expect(Fixture.found("Anna Smith Holdings sent a letter", .person).isEmpty)
    }
}
