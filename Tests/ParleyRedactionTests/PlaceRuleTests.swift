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

    /// A branch, store or office named after its town; a second place joined to a first.
    @Test(arguments: [
        ("Someone from your Leicester store told me to email", ["Leicester"]),
        ("The bloke in your Croydon shop sold me the wrong charger", ["Croydon"]),
        ("He lost the card somewhere between Durham and York", ["Durham", "York"]),
        ("Ho fatto un incidente sulla strada tra Firenze e Bologna", ["Firenze", "Bologna"]),
        ("Me mudo de Santander a Bilbao el mes que viene", ["Santander", "Bilbao"]),
        ("Vou viajar pra Portugal e depois pra Espanha", ["Portugal", "Espanha"]),
        ("Jag bor utanför Stockholm sedan i våras", ["Stockholm"]),
    ])
    func findsPlacesBeforePremisesAndJoinedToAnother(text: String, places: [String]) {
        #expect(Fixture.found(text, .location) == places)
    }

    /// After "de", "da", "z" a lowercase place counts only from a writer who
    /// capitalises no names ("soy ximena de puebla"); in a text that does, the
    /// word is an ordinary one ("da voi", "do centro de saúde").
    @Test func aLowercasePlaceAfterAWeakLocativeOfAnotherLanguage() {
        #expect(Fixture.found("hola buenas, soy ximena de puebla, mi pedido no ha llegado", .location) == ["puebla"])
        #expect(Fixture.found("Intesa Sanpaolo mi ha chiuso il conto, posso aprirne uno da voi?", .location).isEmpty)
        #expect(Fixture.found("A Dra. Conceição Mendes do centro de saúde enviou o relatório.", .location).isEmpty)
    }

    /// Polish and Czech places in their case forms, after a preposition.
    @Test(arguments: [
        ("Mój syn studiuje w Krakowie i zgubił kartę.", ["Krakowie"]),
        ("Pan Tomasz z oddziału w Gdańsku obiecał, że ktoś oddzwoni.", ["Gdańsku"]),
        ("Oddział w Poznaniu jest zamknięty.", ["Poznaniu"]),
        ("Paní z pobočky v Brně slíbila, že mi zavolá zpět.", ["Brně"]),
        ("Moje dcera studuje v Olomouci a potřebuje vlastní tarif.", ["Olomouci"]),
    ])
    func aSlavicCaseFormOfAListedPlaceIsAPlace(text: String, places: [String]) {
        #expect(Fixture.found(text, .location) == places)
    }

    @Test func aCaseFormOfNoListedPlaceIsNone() {
        #expect(Fixture.found("Zapłaciłem w Biedronce kartą i nie doszło.", .location).isEmpty)
    }

    @Test(arguments: [
        "Is the Central branch open on Sundays?",
        "The Apple store replaced my screen",
        "I paid the Post Office and the Council and nothing happened",
    ])
    func premisesAndJoinersAloneMakeNoPlace(text: String) {
        #expect(Fixture.found(text, .location).isEmpty)
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
        // With a house number the street-address detector takes it, as a street address.
        #expect(Fixture.found(text, .location) + Fixture.found(text, .streetAddress) == [place])
    }

    @Test func viaBeforeALowercaseWordIsNoStreet() {
        #expect(Fixture.found("Please send it via email today", .location).isEmpty)
    }

    @Test(arguments: [("The engineer, Marcus, was brilliant", "Marcus"), ("Please stop sending letters to Gwen", "Gwen")])
    func aLoneGivenNameThatIsNoPlaceIsAPerson(text: String, name: String) {
        #expect(Fixture.found(text, .location).isEmpty)
        #expect(Fixture.found(text, .person) == [name])
    }

    /// Place spans win over the tagger's spans they overlap; the indexed merge
    /// (linear-logarithmic, for long lines) keeps the definition: compared with
    /// checking every pair, on overlapping, nested, touching and disjoint spans.
    @Test func placesWinOverTheTaggersOverlappingSpansAsByTheDefinition() {
        typealias Entity = NERTagger.Entity
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        func spans(_ count: Int, _ type: PIIEntityType) -> [Entity] {
            // In text order, as the tagger and the rules give them.
            (0..<count).map { _ in
                let start = next(400)
                return Entity(type: type, start: start, end: start + 1 + next(12), score: 0.5)
            }.sorted { $0.start < $1.start }
        }
        for round in 0..<200 {
            let places = spans(round % 7, .location), tagged = spans(round % 11, .person)
            let expected = places + tagged.filter { entity in
                !places.contains { $0.start < entity.end && entity.start < $0.end }
            }
            let merged = NERTagger.preferringPlaces(places, over: tagged)
            #expect(merged.map { "\($0.type)\($0.start)-\($0.end)" }.sorted() == expected.map { "\($0.type)\($0.start)-\($0.end)" }.sorted())
            #expect(zip(merged, merged.dropFirst()).allSatisfy { $0.start <= $1.start })
        }
    }
}
