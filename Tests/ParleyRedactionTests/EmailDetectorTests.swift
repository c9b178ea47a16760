import Testing
@testable import ParleyRedaction

@Suite("Email detector")
struct EmailDetectorTests {
    @Test(arguments: [
        "john.doe@example.com", "a+tag@mail.example.co.uk", "o'brien@example.ie", "x_y-z%1@sub-domain.example.org",
        "first.last@nhs.net",
    ])
    func findsValidAddresses(email: String) {
        #expect(Fixture.found("email me at \(email) please", .email) == [email])
    }

    @Test(arguments: [
        "john@localhost", "john@example", "john@example.c", "john..doe@example.com", ".john@example.com@x",
        "john@-example.com", "@example.com", "john@", "john@exa_mple.com",
    ])
    func rejectsMalformedAddresses(text: String) {
        #expect(Fixture.found("write to \(text) now", .email).isEmpty)
    }

    @Test func findsAddressAtEdgesAndInPunctuation() {
        #expect(Fixture.found("a.b@example.com", .email) == ["a.b@example.com"])
        #expect(Fixture.found("mail (a.b@example.com).", .email) == ["a.b@example.com"])
        #expect(Fixture.found("\"a.b@example.com\",", .email) == ["a.b@example.com"])
        #expect(Fixture.found("contact:a.b@example.com!", .email) == ["a.b@example.com"])
    }

    @Test func ignoresSocialHandles() {
        #expect(Fixture.found("follow @parley_bank on the app", .email).isEmpty)
    }

    @Test func findsPunycodeDomains() {
        #expect(Fixture.found("mail anna@xn--bcher-kva.example now", .email) == ["anna@xn--bcher-kva.example"])
        #expect(Fixture.found("mail ivan@example.xn--p1ai now", .email) == ["ivan@example.xn--p1ai"])
    }
}
