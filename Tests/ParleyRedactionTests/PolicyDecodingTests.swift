import Foundation
import Testing
@testable import ParleyRedaction

@Suite("Policy decoding")
struct PolicyDecodingTests {
    private func decode(_ json: String) throws -> RedactionPolicy {
        try JSONDecoder().decode(RedactionPolicy.self, from: Data(json.utf8))
    }

    @Test func decodesAFullPolicy() throws {
        let policy = try decode("""
            {
              "default_threshold": 0.6,
              "default_operator": "vault",
              "entities": {
                "CREDIT_CARD": {"operator": {"name": "mask", "keep_last": 2, "character": "#"}, "threshold": 0.7},
                "EMAIL": {"operator": "hash"},
                "PERSON": {"enabled": false}
              },
              "keep": [{"prefix": "#", "followed_by": "digits"}, "ORD-", {"prefix": "Ref/", "case_sensitive": true}]
            }
            """)
        #expect(policy.defaultThreshold == 0.6)
        #expect(policy.defaultOperator == .vault)
        #expect(policy.operatorChoice(for: .creditCard) == .mask(keepLast: 2, character: "#"))
        #expect(policy.operatorChoice(for: .email) == .hash)
        #expect(policy.operatorChoice(for: .phone) == .vault)
        #expect(policy.threshold(for: .creditCard) == 0.7)
        #expect(policy.threshold(for: .phone) == 0.6)
        #expect(!policy.isEnabled(.person))
        #expect(policy.keep == [
            KeepRule(prefix: "#", followedBy: .digits), KeepRule(prefix: "ORD-"),
            KeepRule(prefix: "Ref/", caseSensitive: true),
        ])
    }

    @Test func emptyDocumentGivesTheDefaultPolicy() throws {
        #expect(try decode("{}") == RedactionPolicy.default)
    }

    @Test func maskWithoutParametersKeepsFour() throws {
        let policy = try decode(#"{"entities": {"IBAN": {"operator": "mask"}}}"#)
        #expect(policy.operatorChoice(for: .iban) == .defaultMask)
    }

    @Test(arguments: [
        (#"{"default_treshold": 0.5}"#, RedactionError.unknownPolicyKey(path: "default_treshold")),
        (#"{"entities": {"EMAILS": {}}}"#, RedactionError.unknownPolicyKey(path: "entities.EMAILS")),
        (#"{"entities": {"EMAIL": {"enable": true}}}"#, RedactionError.unknownPolicyKey(path: "entities.EMAIL.enable")),
        (#"{"default_threshold": 1.5}"#, RedactionError.invalidPolicyValue(path: "default_threshold", reason: "must be a number from 0 to 1")),
        (#"{"default_threshold": "high"}"#, RedactionError.invalidPolicyValue(path: "default_threshold", reason: "expected a number")),
        (#"{"entities": {"EMAIL": {"threshold": -0.1}}}"#,
         RedactionError.invalidPolicyValue(path: "entities.EMAIL.threshold", reason: "must be a number from 0 to 1")),
        (#"{"entities": {"EMAIL": {"enabled": "yes"}}}"#,
         RedactionError.invalidPolicyValue(path: "entities.EMAIL.enabled", reason: "expected true or false")),
        (#"{"keep": [{"prefix": ""}]}"#, RedactionError.invalidPolicyValue(path: "keep[0].prefix", reason: "must not be empty")),
        (##"{"keep": [{"prefix": "#", "followed_by": "letters"}]}"##,
         RedactionError.invalidPolicyValue(path: "keep[0].followed_by", reason: "expected digits or alphanumeric")),
        (#"{"entities": {"EMAIL": {"operator": {"name": "hash", "keep_last": 2}}}}"#,
         RedactionError.invalidPolicyValue(path: "entities.EMAIL.operator", reason: "keep_last and character apply only to mask")),
        (#"{"entities": {"CREDIT_CARD": {"operator": {"name": "mask", "keep_last": 99}}}}"#,
         RedactionError.invalidPolicyValue(path: "entities.CREDIT_CARD.operator.keep_last", reason: "must be from 0 to 64")),
    ])
    func reportsTheBadKeyOrValue(json: String, expected: RedactionError) {
        #expect(throws: expected) { try decode(json) }
    }

    @Test func unknownOperatorNamesTheOperatorAndThePath() {
        do {
            _ = try decode(#"{"default_operator": "shred"}"#)
            Issue.record("expected an error")
        } catch let error as RedactionError {
            guard case .invalidPolicyValue(let path, let reason) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(path == "default_operator")
            #expect(reason.contains("'shred'"))
            #expect(reason.contains("placeholder"))
        } catch {
            Issue.record("unexpected error type \(error)")
        }
    }

    @Test func errorDescriptionsNameKeysNotText() {
        let error = RedactionError.invalidPolicyValue(path: "entities.EMAIL.threshold", reason: "must be a number from 0 to 1")
        #expect(error.description == "invalid redaction policy value at 'entities.EMAIL.threshold': must be a number from 0 to 1")
    }
}
