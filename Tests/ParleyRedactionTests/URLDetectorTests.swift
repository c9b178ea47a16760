import Testing
@testable import ParleyRedaction

@Suite("URL detector")
struct URLDetectorTests {
    @Test(arguments: [
        "https://example.com", "http://example.com/path?q=1&r=2#frag", "https://user@host.example.org/x",
        "www.example.co.uk", "www.example.com/a/b", "ftp://files.example.net/doc.pdf", "http://localhost:8080/x",
    ])
    func findsSchemeAndWWWURLs(url: String) {
        #expect(Fixture.found("see \(url) now", .url) == [url])
    }

    @Test func dropsTrailingSentencePunctuation() {
        #expect(Fixture.found("see https://example.com/a.", .url) == ["https://example.com/a"])
        #expect(Fixture.found("is it www.example.com?", .url) == ["www.example.com"])
        #expect(Fixture.found("(see https://example.com/a)", .url) == ["https://example.com/a"])
        #expect(Fixture.found("wiki https://en.example.org/Foo_(bar) ok", .url) == ["https://en.example.org/Foo_(bar)"])
        #expect(Fixture.found("\"https://example.com/x\",", .url) == ["https://example.com/x"])
    }

    @Test(arguments: ["https://", "http://x", "www.", "report.pdf", "e.g.", "ASP.NET", "3.14", "readme.md", "v1.2.3"])
    func rejectsIncompleteURLs(text: String) {
        #expect(Fixture.found("go to \(text) today", .url).isEmpty)
    }

    @Test func findsURLAtStartOfText() {
        #expect(Fixture.found("https://example.com/reset is broken", .url) == ["https://example.com/reset"])
    }

    @Test(arguments: [
        ("go to example.com today", "example.com"),
        ("see shop.example.co.uk/help/returns for it", "shop.example.co.uk/help/returns"),
        ("our site beispiel.de works", "beispiel.de"),
        ("try awww.example.com now", "awww.example.com"),
        ("Visit example.org.", "example.org"),
    ])
    func findsBareDomains(text: String, url: String) {
        #expect(Fixture.found(text, .url) == [url])
    }

    @Test func bareDomainOfAnEmailIsTheEmail() {
        #expect(Fixture.types("write to anna@example.org please") == [.email])
    }
}
