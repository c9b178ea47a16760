import Testing
@testable import ParleyRedaction

@Suite("Postal addresses as one span")
struct AddressAssemblyTests {
    private func spans(_ text: String) -> [String] {
        Fixture.redactor.detect(text).filter { $0.type == .streetAddress || $0.type == .location || $0.type == .postcode }
            .map { String(text[$0.range]) }
    }

    @Test(arguments: [
        ("send it to 221B Baker Street, London NW1 6XE please", "221B Baker Street, London NW1 6XE"),
        ("my address: Lindenstraße 5, 10115 Berlin", "Lindenstraße 5, 10115 Berlin"),
        ("deliver to 12 rue de la Paix, 75002 Paris.", "12 rue de la Paix, 75002 Paris"),
    ])
    func streetPostcodeAndCityAreOneSpan(text: String, address: String) {
        #expect(spans(text) == [address])
    }

    @Test func placesInAListStayApart() {
        let found = spans("we visited Paris, London and Rome")
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { !$0.contains(",") && !$0.contains(" and ") })
    }

    @Test func withoutLocationTheFinerSpansStayApart() throws {
        let redactor = try Redactor(policy: RedactionPolicy(entities: [.location: EntityPolicy(enabled: false)]))
        let text = "home address on file: 12 High Street, SW1A 1AA"
        #expect(redactor.detect(text).map { String(text[$0.range]) } == ["12 High Street", "SW1A 1AA"])
    }
}

@Suite("Street addresses of many countries")
struct WorldStreetAddressTests {
    private func addressSpans(_ text: String) -> [String] {
        Fixture.redactor.detect(text).filter { $0.type == .streetAddress || $0.type == .location || $0.type == .postcode }
            .map { String(text[$0.range]) }
    }

    @Test(arguments: [
        ("Please send it to Schweizer Straße 41, 60594 Frankfurt.", "Schweizer Straße 41, 60594 Frankfurt"),
        ("My address is Prinsengracht 718-2, 1017 LB Amsterdam.", "Prinsengracht 718-2, 1017 LB Amsterdam"),
        ("Jag bor på Drottninggatan 45, lgh 1102, 111 21 Stockholm.", "Drottninggatan 45, lgh 1102, 111 21 Stockholm"),
        ("Envíelo a Calle Mayor 5, 3º B, 28013 Madrid.", "Calle Mayor 5, 3º B, 28013 Madrid"),
        ("Spedite a Via Roma 22, 20121 Milano (MI), grazie.", "Via Roma 22, 20121 Milano (MI)"),
        ("Mi dirección: Av. Insurgentes Sur 1602, Col. Crédito Constructor, 03940 Ciudad de México.",
         "Av. Insurgentes Sur 1602, Col. Crédito Constructor, 03940 Ciudad de México"),
        ("Adres: ul. Marszałkowska 10/12 m. 5, 00-590 Warszawa.", "ul. Marszałkowska 10/12 m. 5, 00-590 Warszawa"),
        ("Endereço: Rua Haddock Lobo, 595, apto 42, São Paulo", "Rua Haddock Lobo, 595, apto 42, São Paulo"),
        ("Yeni adresim Bağdat Caddesi No: 123, Kadıköy", "Bağdat Caddesi No: 123, Kadıköy"),
        ("Ship to 2291 W 23rd St, Los Angeles, CA 90018.", "2291 W 23rd St, Los Angeles, CA 90018"),
        ("Loss location: 1820 N Lincoln Park W, Chicago, IL 60614.", "1820 N Lincoln Park W, Chicago, IL 60614"),
        ("Apartment 1402, Vista Tower, 5 Exchange Quay, Salford M5 3EF", "Apartment 1402, Vista Tower, 5 Exchange Quay, Salford M5 3EF"),
        ("New address: Unit 4/27 Smith St, Fitzroy VIC 3065.", "Unit 4/27 Smith St, Fitzroy VIC 3065"),
        ("Please update my address to 14 Long Street, Cape Town, 8001.", "14 Long Street, Cape Town, 8001"),
        ("Veldstraat 12 bus 4, 9000 Gent", "Veldstraat 12 bus 4, 9000 Gent"),
        ("Blk 512 Bedok North Ave 3, #08-221, Singapore 460512", "Blk 512 Bedok North Ave 3, #08-221, Singapore 460512"),
    ])
    func aPostalAddressIsOneSpan(text: String, address: String) {
        #expect(addressSpans(text) == [address])
    }

    @Test(arguments: [
        ("The shop on 5th Avenue was closed.", "5th Avenue"),
        ("I'm at 8 Elm Ct today.", "8 Elm Ct"),
    ])
    func streetsWithoutATown(text: String, street: String) {
        #expect(addressSpans(text) == [street])
    }

    /// Motorways and highways travelled on: LOCATION by the labelling conventions.
    @Test(arguments: [
        ("Had an accident on the M6 near junction 19.", "M6"), ("Rear-ended on I-95 near Baltimore.", "I-95"),
        ("J'ai eu un accident sur l'A7 près de Valence.", "A7"), ("Tuve un accidente en la A-7 cerca de Marbella.", "A-7"),
        ("Stuck on the A1(M) northbound.", "A1(M)"), ("Charged twice at the diner on Route 9, can you reverse it?", "Route 9"),
    ])
    func roadsTravelledOn(text: String, road: String) {
        #expect(Fixture.found(text, .streetAddress) == [road])
    }

    /// A chip, a paper size and a brand are no roads.
    @Test(arguments: ["The M1 chip is fast.", "I printed it on the A4 paper", "Route 66 jeans are great", "I have the M2.",
                      "I play on PS5."])
    func codesThatAreNoRoads(text: String) {
        #expect(Fixture.found(text, .streetAddress).isEmpty)
    }

    /// Names before numbers that are no street: an English "via", a year, a plan's letter.
    @Test(arguments: [
        "I paid via PayPal 3 times last month.", "During 1990 we opened the account.", "I am on Plan C Premium 2 now.",
        "Galaxy S23 Ultra and Model 3 and iPhone 15 Pro Max",
    ])
    func productsAndYearsAreNoStreet(text: String) {
        #expect(Fixture.redactor.detect(text).allSatisfy { $0.type != .streetAddress })
    }

    /// An order number a keep rule protects never joins an address.
    @Test func anOrderNumberAfterAStreetStaysOut() {
        let text = "Ship to 12 High Street, #40231 please"
        #expect(Fixture.found(text, .streetAddress) == ["12 High Street"])
        #expect(Fixture.redactor.redact(text).redactedText.contains("#40231"))
    }

    /// English words ending like a German street name are no streets.
    @Test(arguments: ["Spring 4 is out", "Engineering 2 starts Monday", "String 5 broke"])
    func englishWordsAreNoCompoundStreets(text: String) {
        #expect(Fixture.found(text, .streetAddress).isEmpty)
    }

    /// A town read after a postcode never runs into the next span (it once did,
    /// and the overlapping spans trapped the redaction writer).
    @Test func theAddressStopsBeforeTheNextSpan() {
        let text = "Send it to 14 Long Street, 8001 Maria Lopez will sign for it"
        let spans = Fixture.redactor.detect(text)
        for (first, second) in zip(spans, spans.dropFirst()) { #expect(first.range.upperBound <= second.range.lowerBound) }
        #expect(spans.map { String(text[$0.range]) }.contains("14 Long Street"))
        #expect(!Fixture.redactor.redact(text).redactedText.contains("Long Street"))
    }
}
