import Foundation
import Testing
@testable import ParleyRedaction

@Suite("Redaction evaluator")
struct EvaluatorTests {
    private let evaluator = RedactionEvaluator(redactor: Fixture.redactor)

    @Test func scoresATinyHandWrittenCorpus() throws {
        let lines = [
            #"{"text": "email me at a.b@example.com", "spans": [{"type": "EMAIL", "start": 12, "end": 27}]}"#,
            #"{"text": "my card 4111 1111 1111 1111", "spans": [{"type": "CREDIT_CARD", "start": 8, "end": 27}]}"#,
            #"{"text": "order #12345 please", "spans": []}"#,
            "",
            #"{"text": "call +44 20 7946 0958", "spans": [{"type": "PHONE", "start": 5, "end": 12}]}"#,
            #"{"text": "😀 I spoke to sarah", "spans": [{"type": "PERSON", "start": 13, "end": 18}]}"#,
        ]
        let report = try evaluator.evaluate(jsonLines: lines)
        #expect(report.records == 5)
        #expect(report.negativeRecords == 1)
        #expect(report.metrics(for: .email).truePositives == 1)
        #expect(report.metrics(for: .creditCard).truePositives == 1)
        let phone = report.metrics(for: .phone)
        #expect(phone.truePositives == 0)
        #expect(phone.falsePositives == 1)
        #expect(phone.falseNegatives == 1)
        #expect(phone.partialOverlaps == 1)
        #expect(report.metrics(for: .person).falseNegatives == 1)
        #expect(report.metrics(for: .person).recall == 0)
        #expect(report.micro.truePositives == 2)
        #expect(report.micro.falsePositives == 1)
        #expect(report.micro.falseNegatives == 2)
        #expect(abs(report.micro.precision - 2.0 / 3.0) < 1e-9)
        #expect(abs(report.micro.recall - 0.5) < 1e-9)
    }

    @Test func reportsBadLinesByNumberWithoutTheirText() {
        #expect(throws: RedactionError.invalidCorpusLine(line: 2, reason: "not valid JSON")) {
            try evaluator.evaluate(jsonLines: [#"{"text": "ok", "spans": []}"#, "{secret 4111111111111111"])
        }
        #expect(throws: RedactionError.invalidCorpusLine(line: 1, reason: "span 0..<99 is outside the text")) {
            try evaluator.evaluate(jsonLines: [#"{"text": "ok", "spans": [{"type": "EMAIL", "start": 0, "end": 99}]}"#])
        }
    }

    @Test func reportIsCodable() throws {
        let report = try evaluator.evaluate(jsonLines: [#"{"text": "a.b@example.com", "spans": [{"type": "EMAIL", "start": 0, "end": 15}]}"#])
        let data = try JSONEncoder().encode(report)
        let decoded = try JSONDecoder().decode(EvaluationReport.self, from: data)
        #expect(decoded == report)
        #expect(String(decoding: data, as: UTF8.self).contains("\"precision\""))
    }
}
