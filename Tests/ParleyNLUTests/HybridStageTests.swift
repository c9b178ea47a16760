import Foundation
import Testing
@testable import ParleyNLU

/// A stand-in sentence encoder for fast tests: the unit sum of a fixed
/// pseudo-random vector per word, so texts sharing words are close.
enum BagOfWordsEmbedder {
    static let dimension = 32

    static func embed(_ text: String) -> [Float] {
        var sum = [Float](repeating: 0, count: dimension)
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
            var generator = SeededGenerator(seed: word.utf8.reduce(1469598103934665603) { ($0 ^ UInt64($1)) &* 1099511628211 })
            for d in 0..<dimension { sum[d] += Float(Int(generator.next() % 2001) - 1000) / 1000 }
        }
        let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? sum.map { $0 / norm } : sum
    }
}

@Suite("Hybrid stage and cascade")
struct HybridStageTests {
    static let model: NLUModel = {
        let data = TestData.trainingData
        var hyper = TestData.hyperParameters()
        hyper.calibrationFraction = 0.25
        let linear = try! NLUModel.train(on: data, hyperParameters: hyper, producer: "test")
        return try! linear.withHybridStage(
            trainedOn: data, embeddings: data.examples.map { BagOfWordsEmbedder.embed($0.text) },
            encoderName: "bag-of-words", encoderSHA256: String(repeating: "ab", count: 32)
        )
    }()

    static func withThreshold(_ threshold: Float, _ model: NLUModel = model) -> NLUModel {
        let stage = model.hybrid!
        return NLUModel(metadata: model.metadata, classifier: model.classifier,
                        hybrid: HybridStage(classifier: stage.classifier, centroids: stage.centroids, cascadeThreshold: threshold))
    }

    @Test("the hybrid stage is trained, described in the header, and its thresholds come from the calibration split")
    func hybridStageIsTrainedAndDescribed() throws {
        let stage = try #require(Self.model.hybrid)
        let described = try #require(Self.model.metadata.hybrid)
        #expect(described.encoderName == "bag-of-words")
        #expect(stage.classifier.dimension == BagOfWordsEmbedder.dimension)
        #expect((0...1).contains(stage.cascadeThreshold))
        #expect(described.validationMetrics["holdout_hybrid_accuracy"] != nil)
        #expect(Float(described.validationMetrics["cascade_threshold"] ?? -1) == stage.cascadeThreshold)
        // Every training example is classified correctly by the hybrid stage on this easy data.
        for example in TestData.examples {
            let p = stage.classifier.probabilities(for: example.text, embedding: BagOfWordsEmbedder.embed(example.text))
            #expect(stage.classifier.intents[p.indices.max { p[$0] < p[$1] }!] == example.intent)
        }
    }

    @Test("a model with a hybrid stage round-trips through a version-3 file with identical confidences; one without stays version 2")
    func modelFileRoundTrip() throws {
        let bytes = try ModelFile.encode(Self.model)
        #expect(bytes[8] == 3)
        let decoded = try ModelFile.decode(bytes, path: "memory")
        #expect(decoded.metadata == Self.model.metadata)
        let stage = try #require(decoded.hybrid)
        #expect(stage.cascadeThreshold == Self.model.hybrid?.cascadeThreshold)
        #expect(stage.centroids == Self.model.hybrid?.centroids)
        for example in TestData.examples.prefix(10) {
            let e = BagOfWordsEmbedder.embed(example.text)
            #expect(stage.classifier.probabilities(for: example.text, embedding: e) == Self.model.hybrid?.classifier.probabilities(for: example.text, embedding: e))
        }
        let linear = try NLUModel.train(on: TestData.trainingData, hyperParameters: TestData.hyperParameters(), producer: "test")
        #expect(try ModelFile.encode(linear)[8] == 2)
    }

    @Test("confident messages are decided by the linear model without running the encoder; unsure ones reach the hybrid stage")
    func cascadeRoutesByConfidence() throws {
        let calls = Counter()
        let embedder: NLUParser.Embedder = { calls.add(); return BagOfWordsEmbedder.embed($0) }
        let never = try NLUParser(model: Self.withThreshold(0), embedder: embedder)
        #expect(never.parse("where is my card").stage == .linear)
        #expect(calls.value == 0)
        let always = try NLUParser(model: Self.withThreshold(1), embedder: embedder)
        let parsed = always.parse("where is my card")
        #expect(parsed.stage == .hybrid)
        #expect(parsed.intent.name == "card_arrival")
        #expect(calls.value == 1)
        let sum = parsed.ranking.scores.reduce(0) { $0 + $1.confidence }
        #expect(abs(sum - 1) < 1e-4)
    }

    @Test("without an embedder the linear model decides alone, and says so")
    func noEmbedderIsLinearOnly() throws {
        let parser = try NLUParser(model: Self.withThreshold(1))
        #expect(!parser.hasHybridStage)
        #expect(parser.parse("my top up failed").stage == .linearOnly)
    }

    @Test("a message far from every intent's centroid is out of scope; a training-like one is not")
    func outOfScopeByEmbedding() throws {
        let parser = try NLUParser(model: Self.withThreshold(1)) { BagOfWordsEmbedder.embed($0) }
        #expect(!parser.parse("my new card has not arrived").outOfScope)
        #expect(parser.parse("zebra quantum volcano saxophone").outOfScope)
    }

    @Test("embeddings that do not pair up with the examples are refused with a clear error")
    func mismatchedEmbeddingsAreRefused() throws {
        let data = TestData.trainingData
        let linear = try NLUModel.train(on: data, hyperParameters: TestData.hyperParameters(), producer: "test")
        #expect(throws: NLUError.invalidTrainingData(location: "embeddings", reason: "1 embeddings for \(data.examples.count) examples")) {
            try linear.withHybridStage(trainedOn: data, embeddings: [[1]], encoderName: "x", encoderSHA256: "00")
        }
        let ragged = data.examples.enumerated().map { $0.offset == 3 ? [Float](repeating: 0.1, count: 5) : BagOfWordsEmbedder.embed($0.element.text) }
        #expect(throws: NLUError.invalidTrainingData(location: "embeddings", reason: "embeddings must share one dimension and be finite")) {
            try linear.withHybridStage(trainedOn: data, embeddings: ragged, encoderName: "x", encoderSHA256: "00")
        }
    }

    @Test("the cascade threshold is the highest within the encoder budget whose accuracy is within the tolerance of the best")
    func cascadeThresholdChoice() {
        // Linear right when confident (0.9), wrong when unsure (0.3); the hybrid stage is always right.
        // Every threshold in 0.31...0.90 sends the two unsure ones (half) and is right on all four; above
        // 0.90 all four go, over the budget of one half: the threshold spends the budget, 0.90.
        let top: [Float] = [0.9, 0.9, 0.3, 0.3]
        let choice = NLUModel.cascadeThreshold(
            linearTop: top, linearRight: [true, true, false, false], hybridRight: [true, true, true, true], tolerance: 0, maxEncoderShare: 0.5
        )
        #expect(choice.accuracy == 1)
        #expect(choice.threshold == 0.90)
        #expect(choice.encoderShare == 0.5)
    }

    @Test("a lower threshold more accurate by more than the tolerance wins over spending the budget")
    func cascadeThresholdPrefersAccuracyBeyondTheTolerance() {
        // The hybrid stage is right on the unsure message (0.3) but wrong on the two at 0.6, which the
        // linear model gets right: 0.31...0.60 is best (all four right); above 0.60 two are lost.
        let top: [Float] = [0.3, 0.6, 0.6, 0.95]
        let linearRight = [false, true, true, true]
        let hybridRight = [true, false, false, true]
        let strict = NLUModel.cascadeThreshold(linearTop: top, linearRight: linearRight, hybridRight: hybridRight, tolerance: 0, maxEncoderShare: 1)
        #expect(strict.threshold == 0.60)
        #expect(strict.accuracy == 1)
        // A tolerance of one half accepts every threshold above 0.30 (right on at least two of four),
        // so the rule spends the whole budget: 1.00, all four to the encoder.
        let loose = NLUModel.cascadeThreshold(linearTop: top, linearRight: linearRight, hybridRight: hybridRight, tolerance: 0.5, maxEncoderShare: 1)
        #expect(loose.threshold == 1.0)
        #expect(loose.accuracy == 0.5)
    }

    @Test("the cascade threshold keeps within the encoder budget, even at some cost in accuracy")
    func cascadeThresholdKeepsEncoderBudget() {
        // Sending the three unsure messages (0.3, 0.5, 0.6) to the always-right hybrid stage is best,
        // but the budget allows only a quarter of them: the threshold stops at 0.50 (one of four,
        // the highest that sends one).
        let top: [Float] = [0.3, 0.5, 0.6, 0.9]
        let choice = NLUModel.cascadeThreshold(
            linearTop: top, linearRight: [false, false, false, true], hybridRight: [true, true, true, true], tolerance: 0, maxEncoderShare: 0.25
        )
        #expect(choice.threshold == 0.50)
        #expect(choice.encoderShare == 0.25)
        #expect(choice.accuracy == 0.5)
    }

    @Test("hyper-parameters written before the encoder budget existed decode with no budget")
    func oldHyperParametersDecode() throws {
        let old = Data(#"{"embeddingScale": 1.5, "cascadeTolerance": 0.002, "outOfScopeRejection": 0.01}"#.utf8)
        let decoded = try JSONDecoder().decode(HybridHyperParameters.self, from: old)
        #expect(decoded.maxEncoderShare == 1)
        #expect(decoded.embeddingScale == 1.5)
        let again = try JSONDecoder().decode(HybridHyperParameters.self, from: JSONEncoder().encode(HybridHyperParameters(maxEncoderShare: 0.3)))
        #expect(again.maxEncoderShare == 0.3)
    }
}

/// A thread-safe call counter for embedders.
final class Counter: @unchecked Sendable {
    // Guarded by `lock`.
    private var count = 0
    private let lock = NSLock()
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
