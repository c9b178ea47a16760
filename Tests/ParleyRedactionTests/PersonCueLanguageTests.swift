import Testing
@testable import ParleyRedaction

@Suite("Names after relatives, introductions in other languages, and 'from'")
struct PersonCueLanguageTests {
    /// After a possessive and a relative, the capitalised word is the relative's
    /// name, even when it is also an ordinary word or a place.
    @Test(arguments: [
        ("My husband Grant is a joint account holder.", "Grant"),
        ("My son Will can help.", "Will"),
        ("Our daughter Paris is at school.", "Paris"),
        ("Meine Tochter Lena studiert in Freiburg.", "Lena"),
        ("Mon fils Mamadou est hospitalisé.", "Mamadou"),
        ("Mi hijo Iker vino ayer.", "Iker"),
        ("Mia nonna Margherita ha 90 anni.", "Margherita"),
        ("Moja córka Zuzanna jest w Londynie.", "Zuzanna"),
    ])
    func aRelativeAfterAPossessiveIsNamed(text: String, name: String) {
        // The tagger may find more ("Mia" opening a sentence); the cue finds this one.
        #expect(Fixture.found(text, .person).contains(name))
    }

    @Test(arguments: [
        ("Hola, soy Maribel y vivo en Houston.", "Maribel"),
        ("bonjour je m'appelle claire", "claire"),
        ("Ciao, mi chiamo Giulia.", "Giulia"),
        ("Hej, jag heter Kalle och ringer om mitt kort.", "Kalle"),
    ])
    func introductionsInOtherLanguages(text: String, name: String) {
        #expect(Fixture.found(text, .person) == [name])
    }

    /// "soy Jordi de Girona": where the writer is from is a place, not a surname.
    @Test func aPlaceOfOriginIsCutOffTheNameAndStaysRedacted() {
        let text = "Hola, soy Jordi de Girona, ¿podéis ayudarme?"
        #expect(Fixture.found(text, .person) == ["Jordi"])
        #expect(Fixture.found(text, .location) == ["Girona"])
        #expect(Fixture.found("Olá, sou a Maria da Silva.", .person) == ["Maria da Silva"])
    }

    /// The whole name earns the cue's trust before the place is cut off: an
    /// unknown one-word name after a sign-off or "attn" would not on its own.
    @Test(arguments: ["Cheers,\nXaloc de Girona", "attn Xaloc de Girona, accounts payable"])
    func aNameThatPassedWholeStaysRedactedAfterTheCut(text: String) {
        #expect(Fixture.found(text, .person).contains("Xaloc"))
        #expect(Fixture.found(text, .location).contains("Girona"))
    }

    /// The people a writer dealt with, and a known given name before a possessive.
    @Test(arguments: [
        ("Spoke to Mike yesterday and nothing happened.", ["Mike"]),
        ("Sir, the agent Vikram came for KYC but didn't bring the form.", ["Vikram"]),
        ("Still no reply from Joanna about my complaint.", ["Joanna"]),
        ("A woman calling herself Folake wanted my card details.", ["Folake"]),
        ("A man called Frank rang me saying he was from your fraud team.", ["Frank"]),
        ("Hablé con Lucía ayer y no me llamó.", ["Lucía"]),
        ("The refund went to Rachel's card, not mine.", ["Rachel"]),
        ("Anna’s account and mine were merged by mistake.", ["Anna"]),
    ])
    func namesOfPeopleDealtWithAndPossessives(text: String, names: [String]) {
        #expect(Fixture.found(text, .person) == names)
    }

    @Test(arguments: [
        "I spoke to Sky about the bill and they did nothing.",
        "St Patrick's Day is a bank holiday, will my transfer go through?",
        "Does my Wendy's gift card work abroad?",
        "I ordered from Ben & Jerry's and got someone else's order.",
        "I'm at St James's University Hospital this week.",
    ])
    func companiesSaintsAndShopsAreNoPeopleDealtWith(text: String) {
        #expect(Fixture.found(text, .person).isEmpty)
    }

    @Test func aGivenNameBeforeFromOpeningASentenceIsAName() {
        #expect(Fixture.found("Georgia from billing told me the fee would be waived.", .person) == ["Georgia"])
        #expect(Fixture.found("Hope from the complaints team told me to reply.", .person) == ["Hope"])
        #expect(Fixture.found("Emails from Amazon keep coming.", .person).isEmpty)
    }

    /// German nouns are capitalised: "ich bin" and "im" introduce no name.
    @Test func germanNounsAfterIchBinAreNoNames() {
        #expect(Fixture.found("Ich bin im Sommer drei Monate in Kanada.", .person).isEmpty)
        #expect(!Fixture.found("Ich bin Kunde seit zehn Jahren.", .person).contains("Kunde"))
        #expect(Fixture.found("I bought my wife a Kindle", .person).isEmpty)
    }
}

@Suite("A place of origin and the policy")
struct OriginPolicyTests {
    /// With LOCATION off, the place is not cut off the name: it stays redacted inside it.
    @Test func withoutLocationTheNameIsKeptWhole() throws {
        let redactor = try Redactor(policy: RedactionPolicy(entities: [.location: EntityPolicy(enabled: false)]))
        let text = "Hola, soy Jordi de Girona, ¿podéis ayudarme?"
        #expect(redactor.detect(text).map { String(text[$0.range]) } == ["Jordi de Girona"])
    }

    /// "my name is" gives the name whole, particle and all.
    @Test func anExplicitCueKeepsTheWholeName() {
        #expect(Fixture.found("My name is Lucía de Zubizarreta.", .person) == ["Lucía de Zubizarreta"])
    }
}
