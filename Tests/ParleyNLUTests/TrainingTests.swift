import Foundation
import Testing
@testable import ParleyNLU

@Suite("Training")
struct TrainingTests {
    @Test(arguments: ClassifierHead.allCases)
    func everyHeadLearnsTheSyntheticIntents(head: ClassifierHead) throws {
        var h = TestData.hyperParameters(head)
        if head == .softmax { h.epochs = 40 }
        let model = try TestData.model(h)
        let parser = try NLUParser(model: model)
        #expect(parser.parse("my card has still not arrived").intent.name == "card_arrival")
        #expect(parser.parse("what exchange rate do you use").intent.name == "exchange_rate")
        #expect(parser.parse("somebody stole my card").intent.name == "lost_card")
        #expect(parser.parse("why did my top up fail").intent.name == "top_up_failed")
    }

    @Test func sameSeedGivesBitIdenticalModelBytes() throws {
        var h = TestData.hyperParameters()
        h.calibrationFraction = 0.45  // exercise the calibration model too (20 held out)
        let first = try ModelFile.encode(TestData.model(h))
        let second = try ModelFile.encode(TestData.model(h))
        #expect(first == second)
    }

    @Test func trainerGivesIdenticalWeightsForTheSameSeed() throws {
        let h = TestData.hyperParameters(.squaredHinge)
        let a = try ClassifierTrainer(hyperParameters: h).train(TestData.examples)
        let b = try ClassifierTrainer(hyperParameters: h).train(TestData.examples)
        #expect(a.weights == b.weights)
        #expect(a.bias == b.bias)
    }

    @Test func anotherSeedGivesAnotherModel() throws {
        var h = TestData.hyperParameters(.softmax)
        let first = try TestData.model(h).metadata.contentHash
        h.seed = 7
        #expect(try TestData.model(h).metadata.contentHash != first)
    }

    @Test func confidencesAreProbabilitiesSummingToOne() throws {
        let model = try TestData.model()
        let ranking = model.classifier.rank("lost my card")
        #expect(abs(ranking.scores.map(\.confidence).reduce(0, +) - 1) < 1e-5)
        #expect(ranking.scores.allSatisfy { (0...1).contains($0.confidence) })
        #expect(ranking.margin >= 0)
        #expect(ranking.scores.map(\.confidence) == ranking.scores.map(\.confidence).sorted(by: >))
    }

    @Test func fitsATemperatureFromTheCalibrationSplitAndStoresIt() throws {
        var h = TestData.hyperParameters()
        h.calibrationFraction = 0.45  // 20 held-out examples, the least that is used
        let model = try TestData.model(h)
        #expect(model.classifier.temperature > 0)
        #expect(model.classifier.temperature != ClassifierHead.crammerSinger.priorTemperature)
        #expect(model.metadata.validationMetrics["temperature"] == Double(model.classifier.temperature))
        #expect(model.metadata.validationMetrics["holdout_n"] == 20)
        #expect(model.metadata.validationMetrics["holdout_accuracy"] != nil)
    }

    @Test func usesTheHeadsPriorTemperatureWithoutHeldOutData() throws {
        for head in ClassifierHead.allCases {
            let model = try TestData.model(TestData.hyperParameters(head))
            #expect(model.classifier.temperature == head.priorTemperature)
        }
    }

    @Test func scoresValidationDataIntoTheMetadata() throws {
        let model = try NLUModel.train(
            on: TestData.trainingData, hyperParameters: TestData.hyperParameters(),
            validation: [LabeledUtterance(text: "card lost", intent: "lost_card")], producer: "tests"
        )
        #expect(model.metadata.validationMetrics["accuracy"] != nil)
        #expect(model.metadata.validationMetrics["macro_f1"] != nil)
        #expect(model.metadata.validationMetrics["ece"] != nil)
    }

    @Test(arguments: ClassifierHead.allCases)
    func reportsProgressOncePerEpochInIncreasingOrder(head: ClassifierHead) throws {
        var steps: [TrainingProgress] = []
        _ = try NLUModel.train(on: TestData.trainingData, hyperParameters: TestData.hyperParameters(head), producer: "tests") {
            steps.append($0)
        }
        #expect(!steps.isEmpty)
        #expect(steps.first?.epoch == 1)
        #expect(zip(steps, steps.dropFirst()).allSatisfy { $0.epoch < $1.epoch })
        #expect(steps.allSatisfy { $0.epoch <= $0.epochs && $0.stage == .final })
    }

    @Test func rejectsExamplesWithoutAnyFeature() {
        let symbols = NLUTrainingData(examples: [
            LabeledUtterance(text: "🙂", intent: "happy"), LabeledUtterance(text: "?!", intent: "confused"),
        ])
        #expect(throws: NLUError.notEnoughTrainingData("the examples have no words or letters to learn from")) {
            try NLUModel.train(on: symbols, producer: "tests")
        }
    }

    @Test func rejectsASingleIntentAndBadHyperParameters() {
        let one = NLUTrainingData(examples: [LabeledUtterance(text: "hi", intent: "greet")])
        #expect(throws: NLUError.self) { try NLUModel.train(on: one, producer: "tests") }
        var h = ClassifierHyperParameters()
        h.regularization = 0
        #expect(throws: NLUError.invalidHyperParameter("regularization (C) must be positive")) {
            try NLUModel.train(on: TestData.trainingData, hyperParameters: h, producer: "tests")
        }
    }

    @Test func temperatureScalingRecoversASharpeningFactor() {
        // Labels drawn to match softmax(2 · scores): the fitted temperature is near 1/2.
        var generator = SeededGenerator(seed: 3)
        var scores: [[Float]] = []
        var labels: [Int] = []
        for _ in 0..<4000 {
            let row = (0..<3).map { _ in Float(Double(generator.next() % 1000) / 250) }
            var p = row.map { exp(2 * Double($0)) }
            let sum = p.reduce(0, +)
            p = p.map { $0 / sum }
            let u = Double(generator.next() % 1_000_000) / 1_000_000
            labels.append(u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2)
            scores.append(row)
        }
        let t = TemperatureScaling.fit(scores: scores, labels: labels)
        #expect(abs(t - 0.5) < 0.05)
    }
}
