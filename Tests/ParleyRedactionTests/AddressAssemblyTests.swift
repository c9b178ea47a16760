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
