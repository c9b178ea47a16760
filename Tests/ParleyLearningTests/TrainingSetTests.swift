import Foundation
import ParleyLearning
import ParleyNLU
import ParleyStore
import Testing

@Suite struct TrainingSetTests {
    static func bot(perIntent: Int = 40, intents: [String] = ["greet", "order_status", "refund"], rare: Int = 4) -> NLUTrainingData {
        var examples: [LabeledUtterance] = []
        for intent in intents {
            for index in 0..<perIntent { examples.append(LabeledUtterance(text: "\(intent) example number \(index)", intent: intent)) }
        }
        for index in 0..<rare { examples.append(LabeledUtterance(text: "rare intent sample \(index)", intent: "rare")) }
        return NLUTrainingData(examples: examples)
    }

    static func label(_ text: String, _ intent: String, id: Int64, source: LabelSource = .review, subject: String = "sub_a") -> LabelledExample {
        LabelledExample(label: StoredLabel(
            id: id, turnID: id, conversationID: "c-\(id)", seq: 1, source: source, intent: intent, entities: [], predictedIntent: nil,
            labelledBy: "token:t1", labelledAt: Date(timeIntervalSince1970: 0)
        ), text: text, subjectID: subject)
    }

    @Test func heldOutMembershipDependsOnTheTextAloneAndNeverChangesAsDataGrows() {
        let split = HoldoutSplit(fraction: 0.1)
        let texts = (0..<5_000).map { "message \($0) about something" }
        let held = texts.filter(split.isHeldOut)
        #expect(abs(Double(held.count) / 5_000 - 0.1) < 0.015)
        // Same decision whatever else is in the data, and for the same text written differently.
        #expect(texts.prefix(100).filter(split.isHeldOut) == held.filter { texts.prefix(100).contains($0) })
        for text in held.prefix(20) { #expect(split.isHeldOut("  " + text.uppercased() + "!")) }
        // A smaller fraction holds out a subset of a larger one.
        #expect(texts.filter(HoldoutSplit(fraction: 0.05).isHeldOut).allSatisfy(split.isHeldOut))
    }

    @Test func noModelTrainsOnAHeldOutTextAndSmallIntentsKeepAllTheirExamples() {
        let bot = Self.bot()
        let set = TrainingSet.build(bot: bot, intents: ["greet", "order_status", "refund", "rare"], labels: [], settings: GateSettings())
        #expect(!set.botHoldout.isEmpty)
        let trained = Set(set.data.examples.map(\.text))
        #expect(set.botHoldout.allSatisfy { !trained.contains($0.text) })
        #expect(set.data.examples.count + set.botHoldout.count == bot.examples.count)
        #expect(set.data.examples.filter { $0.intent == "rare" }.count == 4)
        #expect(set.counts["bot"] == set.data.examples.count)
        #expect(set.counts["holdout_bot"] == set.botHoldout.count)
    }

    @Test func labelsTrainByTheirSourceWaitForAnUnknownIntentAndAHeldOutTextStaysHeldOut() throws {
        let bot = Self.bot()
        let heldText = try #require(bot.examples.first { HoldoutSplit(fraction: 0.1).isHeldOut($0.text) && $0.intent != "rare" }).text
        let labels = [
            Self.label("where is my parcel today", "order_status", id: 1, source: .review),
            Self.label("i want my money back now", "refund", id: 2, source: .feedback),
            Self.label("my card got stuck in the atm", "card_swallowed", id: 3, source: .correction),
            Self.label(heldText.uppercased(), "greet", id: 4, source: .correction),
        ]
        let set = TrainingSet.build(bot: bot, intents: ["greet", "order_status", "refund", "rare"], labels: labels, settings: GateSettings())
        #expect(set.trainingLabels.map(\.label.id).sorted() == [1, 2].filter { !HoldoutSplit(fraction: 0.1).isHeldOut(labels[Int($0) - 1].text) })
        #expect(set.waitingLabels.map(\.label.id) == [3])
        #expect(set.labelHoldout.map(\.label.id).contains(4))
        #expect(!set.data.examples.contains { $0.text == heldText.uppercased() })
        #expect(set.counts["waiting"] == 1)
        #expect(set.counts["review", default: 0] + set.counts["feedback", default: 0] == set.trainingLabels.count)
    }

    @Test func entityValuesAreReadFromTheTextByScalarOffsets() {
        var example = Self.label("order #12345 née", "order_status", id: 9)
        example.label.entities = [LabelEntity(entity: "order_id", start: 7, end: 12)]
        let set = TrainingSet.build(bot: NLUTrainingData(), intents: ["order_status"], labels: [example], settings: {
            var settings = GateSettings()
            settings.holdoutFraction = 0
            return settings
        }())
        #expect(set.data.examples.first?.entities.first?.value == "12345")
    }
}
