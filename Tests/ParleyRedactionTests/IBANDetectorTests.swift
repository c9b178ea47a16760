import Testing
@testable import ParleyRedaction

@Suite("IBAN detector")
struct IBANDetectorTests {
    @Test(arguments: [
        "GB82WEST12345698765432", "GB82 WEST 1234 5698 7654 32", "DE89370400440532013000", "DE89 3704 0044 0532 0130 00",
        "FR1420041010050500013M02606", "NL91ABNA0417164300", "BE68539007547034", "NO9386011117947",
        "MT84MALT011000012345MTLCAST001S", "CH9300762011623852957",
    ])
    func findsValidIBANsCompactAndGrouped(iban: String) {
        #expect(Fixture.found("refund to \(iban) please", .iban) == [iban])
    }

    @Test(arguments: ["GB82WEST12345698765433", "GB83 WEST 1234 5698 7654 32", "DE89370400440532013001"])
    func rejectsBadMod97(iban: String) {
        #expect(Fixture.found("IBAN \(iban)", .iban).isEmpty)
    }

    @Test(arguments: [
        "GB82WEST123456987654",  // too short for GB
        "DE8937040044053201300012",  // too long for DE
        "XX82WEST12345698765432",  // no such country
        "GB82 WES T123 4569 8765 432",  // groups not of four
    ])
    func rejectsWrongLengthsAndShapes(text: String) {
        #expect(Fixture.found("IBAN \(text)", .iban).isEmpty)
    }

    @Test func findsIBANAtEdgesAndInPunctuation() {
        #expect(Fixture.found("DE89370400440532013000", .iban) == ["DE89370400440532013000"])
        #expect(Fixture.found("(GB82 WEST 1234 5698 7654 32).", .iban) == ["GB82 WEST 1234 5698 7654 32"])
        #expect(Fixture.found("IBAN: \"NL91ABNA0417164300\"", .iban) == ["NL91ABNA0417164300"])
    }

    @Test func registryCoversSWIFTCountries() {
        #expect(IBANRegistry.lengths.count >= 85)
        #expect(IBANRegistry.lengths["NO"] == 15)
        #expect(IBANRegistry.lengths["RU"] == 33)
        #expect(IBANRegistry.lengths["LC"] == 32)
    }

    @Test func findsIBANsWrittenWithDashes() {
        #expect(Fixture.found("pay DE89-3704-0044-0532-0130-00 now", .iban) == ["DE89-3704-0044-0532-0130-00"])
        #expect(Fixture.found("pay DE89-3704 0044-0532-0130-00 now", .iban).isEmpty)
    }
}
