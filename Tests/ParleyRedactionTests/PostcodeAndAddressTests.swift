import Testing
@testable import ParleyRedaction

@Suite("Postcode and street address detectors")
struct PostcodeAndAddressTests {
    /// With LOCATION off, an address's parts are reported apart (as in wave 1);
    /// with it on (the default) they are one span (`AddressAssemblyTests`).
    private static let partsApart = try! Redactor(policy: RedactionPolicy(entities: [.location: EntityPolicy(enabled: false)]))

    private func foundApart(_ text: String, _ type: PIIEntityType) -> [String] {
        Self.partsApart.detect(text).filter { $0.type == type }.map { String(text[$0.range]) }
    }

    @Test(arguments: ["SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A 1BB"])
    func findsUKPostcodes(postcode: String) {
        #expect(Fixture.found("my postcode is \(postcode), thanks", .postcode) == [postcode])
        #expect(Fixture.found("we are at \(postcode)", .postcode) == [postcode])
    }

    @Test(arguments: ["SW1A 1AC", "QA1 1AA", "AB 1AA", "SW1A1AAA"])
    func rejectsMalformedUKPostcodes(text: String) {
        #expect(Fixture.found("code \(text) ok", .postcode).isEmpty)
    }

    @Test func unspacedUKPostcodeNeedsContext() {
        #expect(Fixture.found("see SW1A1AA", .postcode).isEmpty)
        #expect(Fixture.found("postcode SW1A1AA", .postcode) == ["SW1A1AA"])
    }

    @Test func findsZIPAfterStateOrWithContext() {
        #expect(foundApart("Austin, TX 78701", .postcode) == ["78701"])
        #expect(Fixture.found("my zip is 90210-1234", .postcode) == ["90210-1234"])
        #expect(Fixture.found("I have 12500 points", .postcode).isEmpty)
    }

    @Test(arguments: [
        ("I live at 12 High Street", "12 High Street"),
        ("my address is 221B Baker St in London", "221B Baker St"),
        ("1600 Pennsylvania Avenue is the one", "1600 Pennsylvania Avenue"),
        ("deliver to 12 rue de la Paix please", "12 rue de la Paix"),
        ("Ich wohne in der Hauptstraße 5.", "Hauptstraße 5"),
        ("address: 7 St John's Close", "7 St John's Close"),
    ])
    func findsStreetAddresses(text: String, address: String) {
        #expect(foundApart(text, .streetAddress) == [address])
    }

    @Test func aStreetAndItsCityAreOneAddress() {
        #expect(Fixture.found("my address is 221B Baker St, London", .streetAddress) == ["221B Baker St, London"])
        #expect(foundApart("my address is 221B Baker St, London", .streetAddress) == ["221B Baker St"])
    }

    @Test func lowercaseStreetNeedsACue() {
        #expect(Fixture.found("I bought 3 new street lamps", .streetAddress).isEmpty)
        #expect(Fixture.found("I live at 12 high street", .streetAddress) == ["12 high street"])
    }

    @Test(arguments: [
        "Can you deliver the new card to SW1A 1AA",
        "the delivery address on the booking: SW1A 1AA",
        "text me when you reach SW1A 1AA",
    ])
    func spacedUKPostcodeStandsWhateverTheWordsAround(text: String) {
        #expect(Fixture.found(text, .postcode) == ["SW1A 1AA"])
    }
}

@Suite("Postcodes of other countries")
struct WorldPostcodeTests {
    @Test(arguments: [
        ("Please send the card to H3G 1L3, the new flat.", "H3G 1L3"),
        ("My postcode is 2000, so it's in the CBD.", "2000"),
        ("My PIN code is 400076, is doorstep banking available?", "400076"),
        ("O CEP é 01310-100.", "01310-100"),
        ("Meine PLZ: 10115", "10115"),
        ("PLZ:10115", "10115"),
        ("Il mio CAP: 80121", "80121"),
        ("kod pocztowy 31-624", "31-624"),
        ("postnummer 411 05", "411 05"),
        ("My Eircode is D02 X285 and the courier can't find it.", "D02 X285"),
        ("postcode 1012 AB", "1012 AB"),
    ])
    func aPostcodeAfterItsNameIsFound(text: String, postcode: String) {
        #expect(Fixture.found(text, .postcode) == [postcode])
    }

    @Test func aCanadianPostcodeJoinsItsTown() {
        let text = "Mail gets sent to 1520 Rue Sherbrooke O, Montréal, QC H3G 1L3 now."
        #expect(Fixture.found(text, .streetAddress) == ["1520 Rue Sherbrooke O, Montréal, QC H3G 1L3"])
    }

    /// A card's PIN, a spending cap and a lone code are no postcodes.
    @Test(arguments: [
        "My PIN is 1234, should I change it?", "There is a spending cap 500 a day.", "Order A12 3456 arrived.",
        "The cap is 10000 requests a day.",
        "The D02 X285 part number is wrong",
    ])
    func numbersThatAreNoPostcodes(text: String) {
        #expect(Fixture.found(text, .postcode).isEmpty)
    }
}
