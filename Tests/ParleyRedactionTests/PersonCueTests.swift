import Testing
@testable import ParleyRedaction

@Suite("Person cues")
struct PersonCueTests {
    @Test(arguments: [
        ("You can call me Zoë", "Zoë"),
        ("I go by Sarah de la Cruz on the account", "Sarah de la Cruz"),
        ("call me anna, everyone does", "anna"),
        ("The name on the policy is Björn García", "Björn García"),
        ("the name on my driving licence is Rafael Fernández", "Rafael Fernández"),
        ("The account holder's name is Chloé Dubois", "Chloé Dubois"),
        ("patient name: Wei Zhang", "Wei Zhang"),
        ("the account is in the name of Fatima Khan", "Fatima Khan"),
        ("The cardholder is Ms Emily Carter", "Emily Carter"),
        ("Booked under Nowak for Friday", "Nowak"),
        ("From: Anna Smith", "Anna Smith"),
        ("Name - Björn Nguyen", "Björn Nguyen"),
    ])
    func explicitAndRoleCuesNameThePerson(text: String, name: String) {
        #expect(Fixture.found(text, .person) == [name])
    }

    @Test(arguments: [
        ("my husband, Hiroshi Tanaka, will call", "Hiroshi Tanaka"),
        ("I'm writing on behalf of my mother Ingrid Johansson", "Ingrid Johansson"),
        ("It's Emily here, we spoke on Monday", "Emily"),
        ("hi it's Michael again", "Michael"),
        ("This is Bill calling about the invoice", "Bill"),
        ("I'm Olamide and my card was declined", "Olamide"),
    ])
    func weakCuesNeedAKnownNameASurnameOrAConfirmingWord(text: String, name: String) {
        #expect(Fixture.found(text, .person) == [name])
    }

    @Test(arguments: [
        ("cheers, Rafael Lefèvre", "Rafael Lefèvre"),
        ("Kind regards,\nMarta Nowak", "Marta Nowak"),
        ("Thanks,\nDavid", "David"),
        ("Many thanks - Priya", "Priya"),
        ("Thanks, Will.", "Will"),
        ("Cheers, Grant Thompson", "Grant Thompson"),
        ("thanks again, Olamide", "Olamide"),
    ])
    func signOffsNameTheWriter(text: String, name: String) {
        #expect(Fixture.found(text, .person) == [name])
    }

    @Test(arguments: [
        "Thanks, will do",
        "Thanks, I'll check tomorrow",
        "thanks for your help!",
        "Cheers, Much appreciated all round",
        "This is Grace period question",
        "this is Important to me",
        "I am British and live abroad",
        "call me on 07700 900123",
        "can you call me Monday",
        "the customer service was awful",
        "Customer Services said no",
        "the patient NHS number is wrong",
        "my son's account is locked",
    ])
    func cuesWithoutANameFindNothing(text: String) {
        #expect(Fixture.found(text, .person).isEmpty)
    }

    @Test func ambiguousNamesNeedStrongEvidence() {
        #expect(Fixture.found("my name is Will", .person) == ["Will"])
        #expect(Fixture.found("I'm May 3rd in the queue", .person).isEmpty)
        #expect(Fixture.found("Thanks, May 3rd works", .person).isEmpty)
    }
}
