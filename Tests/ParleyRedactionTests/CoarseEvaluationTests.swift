import Foundation
import Testing
@testable import ParleyRedaction

@Suite("Evaluation: coarse labels, overlap and confusion")
struct CoarseEvaluationTests {
    private let evaluator = RedactionEvaluator(redactor: Fixture.redactor)

    @Test func coarseCorpusReadsFinerTypesAsTheirCoarseOnes() throws {
        let lines = [
            #"{"text": "my date of birth is 12/05/1990", "spans": [{"type": "DATE", "start": 20, "end": 30}]}"#,
            #"{"text": "post it to SW1A 1AA", "spans": [{"type": "LOCATION", "start": 11, "end": 19}]}"#,
        ]
        let report = try evaluator.evaluate(jsonLines: lines)
        #expect(report.scheme == .coarse)
        #expect(report.metrics(for: .date).truePositives == 1)
        #expect(report.metrics(for: .location).truePositives == 1)
        #expect(report.metrics(for: .dateOfBirth).support == 0)
        #expect(report.patternMicro.truePositives == 1)
    }

    @Test func overlapOfHalfTheLongerSpanCountsBesideExactMatches() throws {
        // Gold is a phone without its extension: exact misses, overlap matches.
        let line = #"{"text": "call 555-201-3344x1234 now", "spans": [{"type": "PHONE", "start": 5, "end": 17}]}"#
        let report = try evaluator.evaluate(jsonLines: [line])
        #expect(report.metrics(for: .phone).truePositives == 0)
        #expect(report.overlapMetrics(for: .phone).truePositives == 1)
        #expect(report.overlapMetrics(for: .phone).partialOverlaps == 1)
    }

    @Test func confusionCountsGoldAgainstPredictedTypes() throws {
        let line = #"{"text": "call 020 7946 0958 now", "spans": [{"type": "UK_NHS", "start": 5, "end": 18}]}"#
        let report = try evaluator.evaluate(jsonLines: [line], scheme: .product)
        #expect(report.confusion["UK_NHS"]?["PHONE"] == 1)
        #expect(report.metrics(for: .ukNHS).falseNegatives == 1)
    }

    @Test func productSchemeKeepsTheFinerTypes() throws {
        let line = #"{"text": "born on 12/05/1990", "spans": [{"type": "DATE_OF_BIRTH", "start": 8, "end": 18}]}"#
        let report = try evaluator.evaluate(jsonLines: [line])
        #expect(report.scheme == .product)
        #expect(report.metrics(for: .dateOfBirth).truePositives == 1)
    }
}
