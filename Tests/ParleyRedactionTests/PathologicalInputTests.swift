import Testing
@testable import ParleyRedaction

/// Correctness on 100 KB adversarial inputs (timing lives in `redaction-bench`).
@Suite("Pathological inputs")
struct PathologicalInputTests {
    private static func repeated(_ unit: String) -> String {
        String(repeating: unit, count: 100_000 / unit.utf8.count)
    }

    @Test(arguments: [
        "7", ".", "@", "a@a.a@", "4 ", "4111 ", ":", "a:", "1.", "a", "Name ", "my name is ", "born on ", "http://",
        "GB82 ", "😀", "-", "(", "1-", "0", "::1:", "1.1.1.1.", "+4", "+", "AB12 ", "cheers, ", "Mr ", "here ",
        "Will ", "the name on the ", "date of birth ", "version 7.3.2.45 ", "Hello 👋 ", "O'",
    ])
    func findsNothingInLongRuns(unit: String) {
        let text = Self.repeated(unit)
        #expect(Fixture.redactor.detect(text).isEmpty)
        #expect(Fixture.redactor.redact(text).redactedText == text)
    }

    @Test func findsEveryValueInALongTextOfRealValues() {
        let unit = "card 4111 1111 1111 1111 mail a.b@example.com "
        let text = Self.repeated(unit)
        let copies = 100_000 / unit.utf8.count
        let spans = Fixture.redactor.detect(text)
        #expect(spans.count == copies * 2)
        #expect(spans.filter { $0.type == .creditCard }.count == copies)
        let result = Fixture.redactor.redact(text)
        #expect(result.redactedText == String(repeating: "card [CREDIT_CARD] mail [EMAIL] ", count: copies))
        #expect(spans.last?.end == text.unicodeScalars.count - 1)
    }

    @Test func valueAtTheEndOfA100KBRunIsFound() {
        let text = String(repeating: "1 ", count: 50_000) + "x a.b@example.com"
        #expect(Fixture.found(text, .email) == ["a.b@example.com"])
    }

    @Test func longRunsOfNamesStayLinearAndBounded() {
        let text = Self.repeated("Anna ")
        let spans = Fixture.redactor.detect(text)
        // Names are read four words at a time, never one span over the whole run.
        #expect(spans.allSatisfy { $0.type == .person && $0.end - $0.start <= 4 * 5 })
        #expect(!spans.isEmpty)
    }
}
