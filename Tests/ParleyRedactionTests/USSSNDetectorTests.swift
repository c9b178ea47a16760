import Testing
@testable import ParleyRedaction

@Suite("US SSN detector")
struct USSSNDetectorTests {
    @Test(arguments: ["536-22-1234", "219-09-9998", "001-01-0001", "899-99-9999"])
    func findsDashedSSNWithoutContext(ssn: String) {
        #expect(Fixture.found("the form shows \(ssn) today", .usSSN) == [ssn])
    }

    @Test(arguments: [
        "000-12-3456", "666-12-3456", "900-12-3456", "999-12-3456", "536-00-1234", "536-22-0000",
        "078-05-1120", "219-09-9999", "123-45-6789", "111-11-1111",
    ])
    func rejectsInvalidRangesAndKnownFakes(ssn: String) {
        #expect(Fixture.found("my SSN is \(ssn)", .usSSN).isEmpty)
    }

    @Test func needsContextForNineBareDigits() {
        #expect(Fixture.found("reference 536221234 attached", .usSSN).isEmpty)
        #expect(Fixture.found("my SSN is 536221234", .usSSN) == ["536221234"])
        #expect(Fixture.found("social security number: 536 22 1234", .usSSN) == ["536 22 1234"])
    }

    @Test func findsSSNAtEdgesAndInPunctuation() {
        #expect(Fixture.found("536-22-1234", .usSSN) == ["536-22-1234"])
        #expect(Fixture.found("SSN (536-22-1234).", .usSSN) == ["536-22-1234"])
        #expect(Fixture.found("\"536-22-1234\" is it", .usSSN) == ["536-22-1234"])
    }

    @Test func policyNumberShapedLikeSSNIsNotTaken() {
        #expect(Fixture.found("policy number 536221234 renewal", .usSSN).isEmpty)
    }

    @Test(arguments: [
        ("tax id on the form: 536 22 1234", "536 22 1234"),
        ("soc sec 536221234", "536221234"),
        ("my IRS letter has 536 22 1234", "536 22 1234"),
        ("536221234 - that's my social security number", "536221234"),
        ("SSN, not my phone: 536 22 1234", "536 22 1234"),
    ])
    func findsSSNWithBroaderContext(text: String, ssn: String) {
        #expect(Fixture.found(text, .usSSN) == [ssn])
    }

    @Test func numberSignAfterSSNIsPartOfTheValue() {
        #expect(Fixture.found("SSN #536-22-1234", .usSSN) == ["536-22-1234"])
        #expect(Fixture.types("order #536221234").isEmpty)
    }

    @Test func spacedSSNIsNotAPhoneNumber() {
        #expect(Fixture.types("my SSN is 012 34 5678") == [.usSSN])
    }

    @Test(arguments: ["536 22 1234", "536.22.1234"])
    func spacedAndDottedSSNsNeedNoContext(ssn: String) {
        #expect(Fixture.found("the form shows \(ssn) today", .usSSN) == [ssn])
    }
}
