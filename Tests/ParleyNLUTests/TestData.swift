import Foundation
@testable import ParleyNLU

/// Small synthetic intent data: four intents, distinct vocabularies, a few
/// shared words, so every head can learn it in milliseconds.
enum TestData {
    static let templates: [String: [String]] = [
        "card_arrival": [
            "where is my card", "my new card has not arrived", "when will my card arrive",
            "card still not delivered", "how long does card delivery take", "i am waiting for my card",
            "has my card been posted", "track my card delivery", "card not here yet", "did you send my card",
            "the card never arrived", "my card is late",
        ],
        "exchange_rate": [
            "what is the exchange rate", "how much is one euro in dollars", "which rate do you use for currency",
            "exchange rate for pounds", "is the rate fair", "currency conversion rate today",
            "what rate will i get abroad", "how do you set exchange rates", "rate for euro to pound",
            "conversion rate is wrong", "show me the dollar rate", "exchange rates please",
        ],
        "lost_card": [
            "i lost my card", "my card was stolen", "someone took my wallet with the card",
            "cannot find my card anywhere", "block my lost card", "card missing since yesterday",
            "i think i dropped my card", "freeze my stolen card", "report a lost card",
            "my wallet and card are gone", "lost card what now", "stolen card help",
        ],
        "top_up_failed": [
            "my top up failed", "top up did not work", "why was my top up declined",
            "i could not top up", "top up error", "adding money failed",
            "the top up was rejected", "top up keeps failing", "failed to add funds",
            "unable to top up my account", "top up not going through", "top-up declined again",
        ],
    ]

    static var examples: [LabeledUtterance] {
        templates.keys.sorted().flatMap { intent in
            templates[intent, default: []].map { LabeledUtterance(text: $0, intent: intent) }
        }
    }

    static var trainingData: NLUTrainingData { NLUTrainingData(examples: examples) }

    /// Fast settings for tests (no calibration split unless asked).
    static func hyperParameters(_ head: ClassifierHead = .crammerSinger) -> ClassifierHyperParameters {
        var h = ClassifierHyperParameters(head: head, epochs: 30, calibrationFraction: 0)
        h.weightPrecision = .int8
        return h
    }

    static let fixedDate = Date(timeIntervalSince1970: 1_750_000_000)

    static func model(_ h: ClassifierHyperParameters = hyperParameters()) throws -> NLUModel {
        try NLUModel.train(on: trainingData, hyperParameters: h, producer: "tests", now: fixedDate)
    }

    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("parley-nlu-tests-\(UUID().uuidString)")
    }
}
