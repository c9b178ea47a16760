import Testing
@testable import ParleyRedaction

@Suite("Business identifiers survive")
struct BusinessIdentifierTests {
    @Test(arguments: [
        "What is the status of order #12345?",
        "order #4111111111111111",
        "Order ORD-2024-000123 arrived damaged",
        "my order number is 4111111111111111",
        "tracking number 1Z999AA10123456784 says delivered",
        "invoice INV-55512 and ticket TKT-90210",
        "I was charged $1,234.56 twice",
        "the premium is € 49.99 a month",
        "app version 10.2.3.4",
        "claim CLM-123456789 please",
        "policy number 536221234",
    ])
    func businessTextIsUnchanged(text: String) {
        let result = Fixture.redactor.redact(text)
        #expect(result.redactedText == text)
    }

    /// Every date is personal data now (`DATE`), a delivery date too; nothing
    /// else in the sentence is.
    @Test func aDeliveryDateIsADateAndNothingElse() {
        #expect(Fixture.redactor.redact("delivery on 12/05/2024 at 10:30").redactedText == "delivery on [DATE]")
    }

    @Test func keepRulesAreConfigurable() throws {
        let policy = RedactionPolicy(keep: [KeepRule(prefix: "ACCT-", followedBy: .alphanumeric)])
        let redactor = try Redactor(policy: policy)
        #expect(redactor.redact("ACCT-4111111111111111").redactedText == "ACCT-4111111111111111")
        #expect(redactor.redact("paid with #4111111111111111").redactedText == "paid with #[CREDIT_CARD]")
    }

    @Test func realCardNextToAnOrderNumberIsStillRedacted() {
        let result = Fixture.redactor.redact("order #12345 was paid with 4111 1111 1111 1111")
        #expect(result.redactedText == "order #12345 was paid with [CREDIT_CARD]")
    }

    @Test func numberSignAfterAPersonalDataWordIsNotProtected() {
        #expect(Fixture.redactor.redact("phone #07700 900123").redactedText == "phone #[PHONE]")
        #expect(Fixture.redactor.redact("order #4111111111111111").redactedText == "order #4111111111111111")
    }
}
