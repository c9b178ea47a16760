import Foundation
@testable import ParleyCLI
import ParleyNLU
import Testing

@Suite struct NLUParseOutputTests {
    @Test func parseJSONSaysWhichStageDecidedAndWhetherTheMessageIsOutOfScope() throws {
        let ranking = IntentRanking(scores: [IntentScore(name: "greet", confidence: 0.7), IntentScore(name: "goodbye", confidence: 0.3)])
        for (stage, outOfScope) in [(NLUStage.hybrid, true), (.linear, false), (.linearOnly, false)] {
            let result = ParseResult(text: "hello", ranking: ranking, entities: [], stage: stage, outOfScope: outOfScope)
            let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(NLUParse.ParseOutput(result))) as? [String: Any]
            #expect(json?["stage"] as? String == stage.rawValue)
            #expect(json?["out_of_scope"] as? Bool == outOfScope)
            #expect((json?["intent"] as? [String: Any])?["name"] as? String == "greet")
        }
    }
}
