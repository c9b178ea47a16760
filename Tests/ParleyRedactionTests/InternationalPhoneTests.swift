import Testing
@testable import ParleyRedaction

@Suite("Phone numbers of other countries (libphonenumber)")
struct InternationalPhoneTests {
    @Test(arguments: [
        "+34 612 345 678", "+39 06 6982 1234", "+31 20 123 4567", "+55 21 2555 0123", "+81 3-1234-5678",
        "+91 98765 43210", "+61 2 9374 4000", "+48 22 123 45 67", "+351 21 123 4567", "+52 55 1234 5678",
    ])
    func findsInternationalNumbersOfOtherCountries(phone: String) {
        #expect(Fixture.found("you can reach me on \(phone) thanks", .phone) == [phone])
    }

    @Test(arguments: ["(21) 5555-0123", "12-34-56-78", "0612 345 67 89", "(31) 3555-0123", "020-123 45 67"])
    func findsOtherCountriesNationalFormats(phone: String) {
        #expect(Fixture.found("my number is \(phone) ok", .phone) == [phone])
    }

    @Test func groupingsThatReadAsAmountsNeedAPhoneWord() {
        #expect(Fixture.found("we sold 612 345 678 units", .phone).isEmpty)
        #expect(Fixture.found("mi teléfono es 612 345 678", .phone) == ["612 345 678"])
        #expect(Fixture.found("Telefon: 612 345 678", .phone) == ["612 345 678"])
    }

    @Test(arguments: [
        ("call 555-201-3344x1234 today", "555-201-3344x1234"),
        ("dial +1-555-201-3344x12 now", "+1-555-201-3344x12"),
        ("phone 555.201.3344x123 please", "555.201.3344x123"),
        ("office (202) 555-0123 ext. 45 please", "(202) 555-0123 ext. 45"),
        ("fax: +44 20 7946 0958", "+44 20 7946 0958"),
    ])
    func extensionsBelongToTheNumber(text: String, phone: String) {
        #expect(Fixture.found(text, .phone) == [phone])
    }

    @Test func libraryAnswersForCountriesItKnows() {
        #expect(PhoneNumberLibrary.classify([3, 4, 6, 1, 2, 3, 4, 5, 6, 7, 8], international: true) == .valid)
        #expect(PhoneNumberLibrary.classify([3, 4, 1], international: true) == .impossible)
        #expect(PhoneNumberLibrary.classify([2, 0, 2, 5, 5, 5, 0, 1, 2, 3], international: false) != .impossible)
    }
}
