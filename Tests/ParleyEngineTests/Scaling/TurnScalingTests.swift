import Foundation
import ParleyDialogue
import ParleyEngine
import ParleyNLU
import ParleyRedaction
import ParleyTestSupport
import Testing

/// Every stage of a turn costs time linear in the message: each adversarial
/// shape at 400 and at 4,000 Unicode scalars (the longest message accepted),
/// and the long one may cost at most twice the linear share (a ratio of 20).
/// Serialized, so that the timings do not compete with each other.
@Suite(.serialized) struct TurnScalingTests {
    static let short = 400
    static let long = IncomingMessage.maxTextLength
    static var sizeRatio: Double { Double(long) / Double(short) }

    struct Stages: Sendable {
        let redactor: Redactor
        let model: NLUModel
        let parser: NLUParser
        let extractor: EntityExtractor
        let dialogue: DialoguePolicy
    }

    static let stages: Stages = {
        do {
            let bot = try StarterBot.bot()
            let model = StarterBot.model
            return Stages(
                redactor: try Redactor(policy: PIIPolicyReader.load(StarterBot.policiesDirectory.appendingPathComponent("pii.yml"))),
                model: model, parser: try NLUParser(model: model),
                extractor: try EntityExtractor(rules: model.metadata.entityRules),
                dialogue: try DialoguePolicy(domain: bot.domain, rules: bot.rules, settings: bot.dialogueSettings)
            )
        } catch {
            fatalError("the starter bot does not load: \(error)")
        }
    }()

    func check(_ shape: InputShape, _ body: @escaping @Sendable (String) -> Void) async {
        let measurement = await onDedicatedThread {
            ScalingProbe.measure(short: shape.text(scalars: Self.short), long: shape.text(scalars: Self.long), sizeRatio: Self.sizeRatio, body)
        }
        #expect(measurement.isAtMostTwiceLinear, "\(shape.name): \(measurement)")
    }

    @Test(arguments: InputShape.turns) func redactionIsLinear(shape: InputShape) async {
        await check(shape) { _ = Self.stages.redactor.redact($0) }
    }

    @Test(arguments: InputShape.turns) func tokenizerIsLinear(shape: InputShape) async {
        await check(shape) { _ = Tokenizer().tokenize($0) }
    }

    @Test(arguments: InputShape.turns) func featuresAreLinear(shape: InputShape) async {
        await check(shape) { _ = Self.stages.model.classifier.vectorizer.vector(for: $0) }
    }

    @Test(arguments: InputShape.turns) func intentRankingIsLinear(shape: InputShape) async {
        await check(shape) { _ = Self.stages.model.classifier.rank($0) }
    }

    @Test(arguments: InputShape.turns) func entityExtractionIsLinear(shape: InputShape) async {
        await check(shape) { _ = Self.stages.extractor.extract(from: $0, referenceDate: StarterBot.now) }
    }

    @Test(arguments: InputShape.turns) func dialogueIsLinear(shape: InputShape) async {
        let short = Self.stages.parser.parse(shape.text(scalars: Self.short), referenceDate: StarterBot.now)
        let long = Self.stages.parser.parse(shape.text(scalars: Self.long), referenceDate: StarterBot.now)
        let measurement = await onDedicatedThread {
            ScalingProbe.measure(short: short, long: long, sizeRatio: Self.sizeRatio) { _ = Self.stages.dialogue.decide($0, tracker: Tracker()) }
        }
        #expect(measurement.isAtMostTwiceLinear, "\(shape.name): \(measurement)")
    }

    /// The whole turn: validation, redaction, understanding, dialogue,
    /// sealing and the database transaction with its audit entries.
    @Test(arguments: InputShape.turns) func wholeTurnIsLinear(shape: InputShape) async throws {
        let engine = try await StarterBot.engine()
        var serial = 0
        let measurement = try await ScalingProbe.measure(
            short: shape.text(scalars: Self.short), long: shape.text(scalars: Self.long), sizeRatio: Self.sizeRatio
        ) { text in
            serial += 1
            _ = try await engine.handle(IncomingMessage(conversationID: "scaling-\(serial)", text: text))
        }
        #expect(measurement.isAtMostTwiceLinear, "\(shape.name): \(measurement)")
    }
}
