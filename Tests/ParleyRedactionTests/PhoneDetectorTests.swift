import Testing
@testable import ParleyRedaction

@Suite("Phone detector")
struct PhoneDetectorTests {
    @Test(arguments: [
        "+44 20 7946 0958", "+442079460958", "0044 20 7946 0958", "020 7946 0958", "07700 900123", "+44 (0)20 7946 0958",
        "(202) 555-0123", "202-555-0123", "+1 202 555 0123", "1-800-555-0199", "202.555.0123",
        "+49 30 1234567", "030 12345678", "+49 151 23456789", "0151 23456789", "+33 1 23 45 67 89", "06 12 34 56 78",
    ])
    func findsUSUKGermanAndFrenchNumbers(phone: String) {
        #expect(Fixture.found("call me on \(phone) please", .phone) == [phone])
    }

    @Test(arguments: [
        "(123) 456-7890",  // area code cannot start with 1
        "(202) 011-0123",  // exchange cannot start with 0
        "(911) 555-0123",  // N11 service code
        "555-1234",  // too short
        "+44 20 7946",  // too short for the UK
        "0000 123456",  // "00" trunk
        "+33 1 23 45 67",  // too short for France
    ])
    func rejectsImplausibleNumbers(phone: String) {
        #expect(Fixture.found("call me on \(phone) please", .phone).isEmpty)
    }

    @Test func needsContextForUnformattedNationalNumbers() {
        #expect(Fixture.found("reference 2025550123 attached", .phone).isEmpty)
        #expect(Fixture.found("my mobile is 2025550123", .phone) == ["2025550123"])
    }

    @Test func findsNumberAtEdgesAndInPunctuation() {
        #expect(Fixture.found("+44 20 7946 0958", .phone) == ["+44 20 7946 0958"])
        #expect(Fixture.found("phone: (020 7946 0958).", .phone) == ["020 7946 0958"])
        #expect(Fixture.found("\"+1 202 555 0123\" is mine", .phone) == ["+1 202 555 0123"])
    }

    @Test func ignoresPricesDatesAndTimes() {
        #expect(Fixture.types("it cost $1,234.56 on 12/05/2024 at 10:30") == [.date])
        #expect(Fixture.types("€ 49.99 and 2024-05-12 14:45:00") == [.date])
    }

    @Test func numberThatIsAlsoAValidNHSNumberInMedicalContextIsNotAPhone() {
        #expect(Fixture.types("patient 943-476-5919 please ring the ward") == [.ukNHS])
        #expect(Fixture.types("call me on 943-476-5919") == [.phone])
    }
}
