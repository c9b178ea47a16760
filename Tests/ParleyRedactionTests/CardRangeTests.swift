import Testing
@testable import ParleyRedaction

@Suite("Payment card ranges")
struct CardRangeTests {
    @Test(arguments: [
        "180012345678004",  // JCB, 15 digits, 1800
        "213112345678003",  // JCB, 15 digits, 2131
        "3501234567890002",  // JCB across the whole 35xx range
        "3599123456789008",
        "123456789012305",  // UATP: 15 digits starting with 1
        "501812345673",  // Maestro, 12 digits
        "2200123456789001",  // Mir
        "9792123456789000",  // Troy
    ])
    func findsCardsOfEveryPublishedRange(card: String) {
        #expect(Fixture.found("the number is \(card) thanks", .creditCard) == [card])
    }

    @Test func groupedFifteenDigitCardsAreOneSpan() {
        #expect(Fixture.found("JCB 1800 1234 5678 004 please", .creditCard) == ["1800 1234 5678 004"])
    }

    @Test func luhnValidNumberOutsideEveryRangeNeedsACardWord() {
        #expect(Fixture.found("reference 7392846150372917 attached", .creditCard).isEmpty)
        #expect(Fixture.found("my card number is 7392846150372917", .creditCard) == ["7392846150372917"])
    }

    @Test func luhnFailureIsNeverACard() {
        #expect(Fixture.found("my card number is 7392846150372918", .creditCard).isEmpty)
        #expect(Fixture.found("my card number is 1234567812345670", .creditCard).isEmpty)  // a test pattern
        #expect(Fixture.found("card 180012345678005", .creditCard).isEmpty)
    }
}
