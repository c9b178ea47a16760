import Testing
@testable import ParleyRedaction

@Suite("Places read by rule: listed places after a locative, named streets and facilities")
struct PlaceRuleTests {
    @Test(arguments: [
        ("We're moving from Glasgow to Aberdeen in January", ["Glasgow", "Aberdeen"]),
        ("We're flying into Paris next week", ["Paris"]),
        ("We're renting in Brooklyn and the landlord wants proof", ["Brooklyn"]),
        ("My sister is moving to New York, can she keep the same number?", ["New York"]),
        ("Ich bin nach Frankfurt am Main umgezogen", ["Frankfurt am Main"]),
        ("hey! lauren from nashville here, is the promo code still valid?", ["nashville"]),
    ])
    func findsAListedPlaceAfterALocativeWord(text: String, places: [String]) {
        #expect(Fixture.found(text, .location) == places)
    }

    @Test(arguments: [
        "Is the app available in Spanish?",
        "I will be there in time for the appointment",
    ])
    func aListedPlaceInsideAnotherNameOrAnOrdinaryWordIsNoPlace(text: String) {
        #expect(Fixture.found(text, .location).isEmpty)
    }

    @Test(arguments: [
        ("The vet is on Moulsham Street near the station", "Moulsham Street"),
        ("I was at the Walgreens on Michigan Avenue and the reader ate my card", "Michigan Avenue"),
        ("I'm at Addenbrooke's Hospital with my daughter", "Addenbrooke's Hospital"),
        ("The old address on Summit St. is no longer valid", "Summit St."),
        ("My flight is from Bristol Airport on the 2nd", "Bristol Airport"),
    ])
    func findsNamedStreetsAndFacilities(text: String, place: String) {
        #expect(Fixture.found(text, .location) == [place])
    }

    @Test(arguments: [
        ("Hola, vivo en Calle Mayor 5 desde marzo", "Calle Mayor 5"),
        ("Je déménage sur la rue Saint-Jean le mois prochain", "rue Saint-Jean"),
        ("O cartão foi entregue na Avenida Paulista ontem", "Avenida Paulista"),
    ])
    func findsStreetsWrittenStreetWordFirst(text: String, place: String) {
        #expect(Fixture.found(text, .location) == [place])
    }

    @Test func viaBeforeALowercaseWordIsNoStreet() {
        #expect(Fixture.found("Please send it via email today", .location).isEmpty)
    }

    @Test(arguments: [("The engineer, Marcus, was brilliant", "Marcus"), ("Please stop sending letters to Gwen", "Gwen")])
    func aLoneGivenNameThatIsNoPlaceIsAPerson(text: String, name: String) {
        #expect(Fixture.found(text, .location).isEmpty)
        #expect(Fixture.found(text, .person) == [name])
    }
}
