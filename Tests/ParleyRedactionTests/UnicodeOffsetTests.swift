import Testing
@testable import ParleyRedaction

@Suite("Unicode scalar offsets")
struct UnicodeOffsetTests {
    /// Text before the value, with its length in Unicode scalars.
    @Test(arguments: [
        ("😀 ", 2),  // one 4-byte scalar
        ("🇬🇧🇫🇷 ", 5),  // two flags, four regional indicators
        ("👍🏽 ", 3),  // emoji with skin-tone modifier
        ("Jose\u{301} ", 6),  // combining mark: 5 scalars, 4 characters
        ("Zoë – ", 6),
        ("👨‍👩‍👧 ", 6),  // ZWJ family
    ])
    func offsetsCountUnicodeScalars(prefix: String, scalars: Int) throws {
        let text = prefix + "mail a.b@example.com ok"
        let span = try #require(Fixture.redactor.detect(text).first { $0.type == .email })
        #expect(span.start == scalars + 5)
        #expect(span.end == scalars + 5 + 15)
        #expect(String(text[span.range]) == "a.b@example.com")
        let scalarView = Array(text.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalarView[span.start..<span.end])
        #expect(String(view) == "a.b@example.com")
    }

    @Test func redactedOffsetsPointAtThePlaceholder() throws {
        let text = "🇬🇧 call +44 20 7946 0958 or 😀 a.b@example.com"
        let result = Fixture.redactor.redact(text)
        #expect(result.redactedText == "🇬🇧 call [PHONE] or 😀 [EMAIL]")
        let redacted = Array(result.redactedText.unicodeScalars)
        for span in result.spans {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: redacted[span.redactedStart..<span.redactedEnd])
            #expect(String(view) == span.type.placeholder)
        }
        #expect(result.spans.map(\.originalStart) == [8, 30])
    }

    @Test func stringRangesAreUsableOnTheOriginal() {
        let text = "é🙂 4111 1111 1111 1111"
        let spans = Fixture.redactor.detect(text)
        #expect(spans.count == 1)
        #expect(spans.first.map { String(text[$0.range]) } == "4111 1111 1111 1111")
        #expect(spans.first?.start == 3)
    }
}
