import Testing
@testable import ParleyRedaction

@Suite("Credit card detector")
struct CreditCardDetectorTests {
    @Test(arguments: [
        "4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "5555555555554444", "2223003122003222",
        "3782 822463 10005", "6011111111111117", "3530111333300000", "30569309025904", "6200000000000005",
        "6759649826438453", "4012888888881881",
    ])
    func findsValidCardsOfEveryIssuer(card: String) {
        #expect(Fixture.found("my card \(card) was charged twice", .creditCard) == [card])
    }

    @Test(arguments: ["4111111111111112", "4111 1111 1111 1112", "5555555555554443", "378282246310006"])
    func rejectsNumbersFailingLuhn(card: String) {
        #expect(Fixture.found("my card \(card) was charged", .creditCard).isEmpty)
    }

    @Test(arguments: [
        "9111111111111111",  // no issuer starts with 9
        "1234567812345670",  // Luhn-valid but UATP/unknown range
        "4111 11111 111 1111",  // irregular grouping
        "4111 1111-1111 1111",  // mixed separators
        "41111111111111111111111",  // too long
    ])
    func rejectsNearMisses(text: String) {
        #expect(Fixture.found("card \(text) please", .creditCard).isEmpty)
    }

    @Test func findsCardAtStartAndEndOfText() {
        #expect(Fixture.found("4111111111111111", .creditCard) == ["4111111111111111"])
        #expect(Fixture.found("4111111111111111 is mine", .creditCard) == ["4111111111111111"])
        #expect(Fixture.found("pay with 5555 5555 5555 4444", .creditCard) == ["5555 5555 5555 4444"])
    }

    @Test(arguments: ["(4111111111111111)", "\"4111111111111111\"", "card: 4111111111111111.", "'4111 1111 1111 1111',"])
    func findsCardInsidePunctuation(text: String) {
        #expect(Fixture.found(text, .creditCard).first?.filter(\.isNumber) == "4111111111111111")
    }

    @Test func ignoresCardDigitsGluedToLettersOrDecimals() {
        #expect(Fixture.found("ref A4111111111111111", .creditCard).isEmpty)
        #expect(Fixture.found("total 4111111111111111.50", .creditCard).isEmpty)
    }

    @Test func findsCardFollowedByExpiryDate() {
        #expect(Fixture.found("4111 1111 1111 1111 12/27", .creditCard) == ["4111 1111 1111 1111"])
    }

    @Test func issuerTableKnowsMastercardTwoSeries() {
        #expect(CardIssuer.identify([2, 2, 2, 1] + Array(repeating: 0, count: 12)) == .mastercard)
        #expect(CardIssuer.identify([2, 7, 2, 1] + Array(repeating: 0, count: 12)) == nil)
    }
}
