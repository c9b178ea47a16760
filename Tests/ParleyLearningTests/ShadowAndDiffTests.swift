import Foundation
import ParleyLearning
import ParleyStore
import Testing

@Suite struct ShadowAndDiffTests {
    @Test func shadowCountsGiveAgreementConfidenceShiftAndTheIntentsWhereTheyDiffer() {
        let recorder = ShadowRecorder()
        for _ in 0..<6 { recorder.record(active: "v1", candidate: "v2", activeIntent: "greet", candidateIntent: "greet", activeConfidence: 0.8, candidateConfidence: 0.9) }
        for _ in 0..<3 { recorder.record(active: "v1", candidate: "v2", activeIntent: "refund", candidateIntent: "billing", activeConfidence: 0.6, candidateConfidence: 0.5) }
        recorder.record(active: "v1", candidate: "v2", activeIntent: "refund", candidateIntent: "refund", activeConfidence: 0.5, candidateConfidence: 0.7)
        let tallies = recorder.drain()
        #expect(recorder.drain().isEmpty)
        let report = ShadowReport(candidate: "v2", tallies: tallies)
        #expect(report.turns == 10)
        #expect(abs(report.agreement - 0.7) < 1e-9)
        #expect(abs(report.meanConfidenceShift - (6 * 0.1 - 3 * 0.1 + 0.2) / 10) < 1e-9)
        #expect(report.disagreements.map { "\($0.activeIntent)>\($0.candidateIntent):\($0.turns)" } == ["refund>billing:3"])
        #expect(report.intents.first?.intent == "refund")
        #expect(report.active == ["v1"])
    }

    @Test func aDiffNamesChangedIntentsCountsHyperParametersAndLabels() {
        func record(_ version: String, intents: [String], counts: [String: Int], epochs: Int) -> ModelVersionRecord {
            ModelVersionRecord(
                version: version, parent: nil, createdAt: Date(timeIntervalSince1970: 0), createdBy: "system", status: .active,
                trainingDataSHA256: version, contentSHA256: version, counts: counts,
                hyperParameters: #"{"epochs":\#(epochs),"features":{"word_ngrams":[1,3]}}"#, intents: intents
            )
        }
        let old = record("v1", intents: ["a", "b"], counts: ["bot": 10, "review": 2], epochs: 20)
        let new = record("v2", intents: ["a", "b", "c"], counts: ["bot": 10, "review": 5], epochs: 30)
        let diff = ModelDiff(
            from: old, to: new,
            oldLabels: [.init(conversationID: "c1", seq: 1, source: .review, intent: "a"), .init(conversationID: "c2", seq: 1, source: .review, intent: "b")],
            newLabels: [.init(conversationID: "c1", seq: 1, source: .review, intent: "c"), .init(conversationID: "c3", seq: 3, source: .correction, intent: "a")]
        )
        #expect(diff.intentsAdded == ["c"])
        #expect(diff.intentsRemoved.isEmpty)
        #expect(!diff.sameTrainingData)
        #expect(diff.counts.map { "\($0.key):\($0.from ?? "-")>\($0.to ?? "-")" } == ["review:2>5"])
        #expect(diff.hyperParameters.map { "\($0.key):\($0.from ?? "-")>\($0.to ?? "-")" } == ["epochs:20>30"])
        #expect((diff.labelsAdded, diff.labelsRemoved, diff.labelsRelabelled) == (1, 1, 1))
    }
}
