import Testing
@testable import ParleyRedaction

@Suite("Descriptions never leak values")
struct PrivacyTests {
    private let secret = "4111 1111 1111 1111"

    @Test func resultAndSpanDescriptionsHideRawValues() throws {
        let vault = try Redactor(policy: RedactionPolicy(defaultOperator: .vault))
        let result = vault.redact("card \(secret) and mail a.b@example.com")
        let texts = [
            result.description, result.debugDescription, String(describing: result), String(reflecting: result),
            result.vaulted.description, "\(result.vaulted[0])", result.spans.description,
            vault.detect("card \(secret)").description,
        ]
        for text in texts {
            #expect(!text.contains("4111"))
            #expect(!text.contains("example.com"))
        }
        var dumped = ""
        dump(result, to: &dumped)
        #expect(!dumped.contains("4111"))
        #expect(!dumped.contains("a.b@"))
    }

    @Test func redactorIsSafeToShareAcrossTasks() async {
        let redactor = Fixture.redactor
        let outputs = await withTaskGroup(of: String.self) { group in
            for index in 0..<16 {
                group.addTask { redactor.redact("task \(index) card 4111111111111111").redactedText }
            }
            var collected: [String] = []
            for await output in group { collected.append(output) }
            return collected
        }
        #expect(outputs.count == 16)
        #expect(outputs.allSatisfy { $0.hasSuffix("card [CREDIT_CARD]") })
    }
}
