import Foundation
import ParleyNLU
import Testing

@Suite struct TrainParseRoundTripTests {
    private let data = NLUTrainingData(
        examples: [
            "hello", "hi there", "good morning", "hey", "hello friend",
            "where is my order", "order status please", "has my order shipped", "track my order", "status of my purchase",
        ].enumerated().map { LabeledUtterance(text: $1, intent: $0 < 5 ? "greet" : "order_status") },
        entityRules: EntityRules(regexes: [.init(entity: "order_id", pattern: #"#(\d{4,})"#)])
    )

    @Test func trainedModelSurvivesSaveAndLoadWithIdenticalPredictions() throws {
        let model = try NLUModel.train(on: data, hyperParameters: ClassifierHyperParameters(epochs: 10), producer: "test")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).parleymodel")
        try ModelFile.write(model, to: url)
        let loaded = try ModelFile.read(from: url)
        #expect(loaded.metadata == model.metadata)
        let before = try NLUParser(model: model).parse("where is order #12345")
        let after = try NLUParser(model: loaded).parse("where is order #12345")
        #expect(before == after)
        #expect(after.intent.name == "order_status")
        #expect(after.entities.first?.value == "12345")
        #expect(loaded.metadata.trainingDataHash == data.contentHash)
    }

    @Test func truncatedModelFileIsAClearError() throws {
        let model = try NLUModel.train(on: data, hyperParameters: ClassifierHyperParameters(epochs: 2), producer: "test")
        let bytes = try ModelFile.encode(model)
        #expect(throws: NLUError.self) { try ModelFile.decode(Array(bytes.dropLast(10)), path: "m") }
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0xFF
        #expect(throws: NLUError.self) { try ModelFile.decode(flipped, path: "m") }
    }
}
