import Testing
@testable import ParleyRedaction

@Suite("Redaction operators")
struct OperatorTests {
    private func redactor(_ choice: RedactionOperator, for type: PIIEntityType = .creditCard) throws -> Redactor {
        try Redactor(policy: RedactionPolicy(entities: [type: EntityPolicy(operatorChoice: choice)]), hasher: FakeHasher())
    }

    @Test func placeholderIsTheDefault() {
        let result = Fixture.redactor.redact("card 4111111111111111 and a.b@example.com")
        #expect(result.redactedText == "card [CREDIT_CARD] and [EMAIL]")
        #expect(result.spans.map(\.operatorKind) == [.placeholder, .placeholder])
        #expect(result.vaulted.isEmpty)
    }

    @Test func maskKeepsTheLastFourDigitsAndSeparators() throws {
        let masker = try redactor(.defaultMask)
        #expect(masker.redact("card 4111111111111111 ok").redactedText == "card ************1111 ok")
        #expect(masker.redact("card 4111 1111 1111 1111 ok").redactedText == "card **** **** **** 1111 ok")
        let two = try redactor(.mask(keepLast: 2, character: "#"))
        #expect(two.redact("card 4111-1111-1111-1111").redactedText == "card ####-####-####-##11")
    }

    @Test func maskOfAShortValueMasksNothingBeyondItsLength() {
        #expect(RedactionOperator.masked("ab", keepLast: 4, character: "*") == "ab")
        #expect(RedactionOperator.masked("Zoë Müller", keepLast: 0, character: "*") == "*** ******")
    }

    @Test func hashIsStableAndDistinguishesValues() throws {
        let hasher = try redactor(.hash, for: .email)
        let first = hasher.redact("mail a.b@example.com").redactedText
        let again = hasher.redact("mail a.b@example.com").redactedText
        let other = hasher.redact("mail c.d@example.com").redactedText
        #expect(first == again)
        #expect(first != other)
        #expect(first.hasPrefix("mail [EMAIL:"))
        #expect(!first.contains("example"))
    }

    @Test func hashWithoutAHasherIsRejected() {
        #expect(throws: RedactionError.hasherRequired(type: .email)) {
            try Redactor(policy: RedactionPolicy(entities: [.email: EntityPolicy(operatorChoice: .hash)]))
        }
    }

    @Test(arguments: [
        ("my card 4111111111111111 was charged", "my card was charged"),
        ("4111111111111111 was charged", "was charged"),
        ("charged to 4111111111111111.", "charged to."),
        ("charged to 4111111111111111", "charged to"),
        ("card (4111111111111111) ok", "card () ok"),
    ])
    func dropRemovesTheValueWithoutDoubleSpaces(text: String, expected: String) throws {
        let dropper = try redactor(.drop)
        let result = dropper.redact(text)
        #expect(result.redactedText == expected)
        #expect(!result.redactedText.contains("  "))
        #expect(result.spans.first?.redactedStart == result.spans.first?.redactedEnd)
    }

    @Test func vaultReturnsTheRawValueAndPutsThePlaceholderInTheText() throws {
        let vault = try redactor(.vault)
        let result = vault.redact("🙂 card 4111 1111 1111 1111 ok")
        #expect(result.redactedText == "🙂 card [CREDIT_CARD] ok")
        #expect(result.vaulted.count == 1)
        #expect(result.vaulted.first?.value == "4111 1111 1111 1111")
        #expect(result.vaulted.first?.type == .creditCard)
        #expect(result.vaulted.first?.originalStart == 7)
        #expect(result.vaulted.first?.originalEnd == 26)
        #expect(result.vaulted.first?.redactedStart == 7)
        #expect(result.vaulted.first?.redactedEnd == 20)
    }

    @Test func textWithoutPIIIsReturnedUnchanged() {
        let text = "Hello 👋 can you help me with my bill?"
        let result = Fixture.redactor.redact(text)
        #expect(result.redactedText == text)
        #expect(result.isUnchanged)
    }

    @Test func disabledTypesAreLeftAlone() throws {
        let policy = RedactionPolicy(entities: [.email: EntityPolicy(enabled: false)])
        let redactor = try Redactor(policy: policy)
        #expect(redactor.redact("a.b@example.com 4111111111111111").redactedText == "a.b@example.com [CREDIT_CARD]")
    }

    @Test func perTypeThresholdFiltersSpans() throws {
        let strict = try Redactor(policy: RedactionPolicy(entities: [.url: EntityPolicy(threshold: 0.99)]))
        #expect(strict.redact("see https://example.com").redactedText == "see https://example.com")
    }
}
