@testable import ParleyCLI
import ParleyRedaction
import Testing

/// `parley redact --evaluate`'s table: exact and overlap scores side by side,
/// the micro averages and the confusion between types.
@Suite struct EvaluationTableTests {
    @Test func tableShowsExactAndOverlapScoresAndTheConfusion() throws {
        let lines = [
            #"{"text": "call 555-201-3344x1234 now", "spans": [{"type": "PHONE", "start": 5, "end": 17}]}"#,
            #"{"text": "my date of birth is 12/05/1990", "spans": [{"type": "DATE", "start": 20, "end": 30}]}"#,
        ]
        let report = try RedactionEvaluator(redactor: try Redactor()).evaluate(jsonLines: lines)
        let table = EvaluationTable(report: report).lines()
        #expect(table[0].contains("scheme: coarse"))
        let phone = try #require(table.first { $0.hasPrefix("PHONE") })
        // exact: precision 0, recall 0; overlap: 1 and 1.
        #expect(phone.contains("0.0000 0.0000") && phone.contains("1.0000 1.0000"))
        #expect(table.contains { $0.hasPrefix("MICRO (patterns)") })
        #expect(table.contains { $0.hasPrefix("DATE ") })
        #expect(table.contains { $0.hasPrefix("confusion") })
    }
}
