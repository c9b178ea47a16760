import Foundation
import Logging
import ParleyEngine
import ParleyLearning
import ParleyNLU
import ParleyStore

// learning-bench: the learning loop on BANKING77 (CC BY 4.0, PolyAI).
//
//   learning-bench [--data DIR] [--report DIR] [--rounds N] [--start-fraction F] [--seed S]
//
// The bot starts with --start-fraction (default 10 %) of train.csv as its own
// examples; the rest of train.csv is replayed as customer traffic through the
// real turn pipeline (encrypted store, redaction, review queue) in rounds. A
// simulated agent labels every item the review queue surfaces (low confidence,
// ambiguous, fallback, handoffs by doubt rules) with the true label; `learn`
// trains a candidate and the gate decides each round. Baseline, same run: the
// same number of labels on turns drawn at random from the traffic so far,
// trained the same way. Accuracy is on test.csv (never tuned on). Then: the
// time to train and judge a candidate, of a hot swap, and turn latency
// during swaps against the same load without them.

let options = Options(CommandLine.arguments.dropFirst())

/// The example with its intent named as a Parley domain allows.
func domainNamed(_ example: LabeledUtterance) -> LabeledUtterance {
    var example = example
    example.intent = String(example.intent.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0)) })
    return example
}

func run() async throws {
    let dataDirectory = URL(fileURLWithPath: options["data"] ?? "../shared/data/banking77")
    let reportDirectory = URL(fileURLWithPath: options["report"] ?? "learning-report")
    let rounds = options.int("rounds", 6)
    let startFraction = Double(options["start-fraction"] ?? "0.1") ?? 0.1
    let seed = UInt64(options.int("seed", 42))
    // BANKING77 names one intent `reverted_card_payment?`; intent names in a
    // Parley domain are letters, digits, '_', '-' and '.', so the '?' goes.
    let train = try IntentCSV.read(from: dataDirectory.appendingPathComponent("train.csv")).map(domainNamed)
    let test = try IntentCSV.read(from: dataDirectory.appendingPathComponent("test.csv")).map(domainNamed)
    let intents = Array(Set(train.map(\.intent))).sorted()

    // The bot's own data and the traffic (stratified, seeded).
    let split = try StratifiedSplit.holdout(train, fraction: 1 - startFraction, seed: seed)
    var random = SeededRandom(seed: seed)
    let traffic = split.holdout.shuffled(using: &random)
    say("BANKING77: \(train.count) train, \(test.count) test, \(intents.count) intents; bot starts with \(split.training.count) examples, \(traffic.count) turns of traffic in \(rounds) rounds")

    let root = FileManager.default.temporaryDirectory.appendingPathComponent("learning-bench-\(ProcessInfo.processInfo.processIdentifier)")
    defer { try? FileManager.default.removeItem(at: root) }
    try BankingBot.write(to: root, examples: split.training, intents: intents)
    var configuration = ParleyConfiguration(layout: .checkout(root: root))
    configuration.paths.dataDirectory = root.appendingPathComponent("data")
    configuration.paths.keysDirectory = root.appendingPathComponent("keys")
    configuration.retention.schedule = .off
    // The linear model alone, like the full-data baseline below: the figures
    // compare ways of choosing what to label, not the NLU's stages.
    configuration.paths.encoderFile = nil
    let logger = Logger(label: "learning-bench", factory: { _ in SwiftLogNoOpLogHandler() })
    let bootstrap = EngineBootstrap(configuration: configuration, logger: logger)

    let fullStart = ContinuousClock.now
    let full = try Training.train(data: NLUTrainingData(examples: train), hyperParameters: ClassifierHyperParameters(), logger: logger)
    let fullAccuracy = accuracy(try NLUParser(model: full), on: test)
    let fullSeconds = seconds(since: fullStart)
    say("full train.csv: test accuracy \(pct(fullAccuracy)) % (trained in \(String(format: "%.1f", fullSeconds)) s); target 90 % of it = \(pct(0.9 * fullAccuracy)) %")

    let startEngine = ContinuousClock.now
    let engine = try await bootstrap.engine(trainIfMissing: true)
    say("installation ready, first model trained in \(String(format: "%.1f", seconds(since: startEngine))) s")
    let agent = Principal.system
    let bot = engine.learning.baseBot
    let gate = configuration.learning.gate
    var points = [Point(
        round: 0, turns: 0, labels: 0, surfaced: 0, active: accuracy(try NLUParser(model: engine.model), on: test), candidate: nil,
        random: nil, gatePassed: nil, trainSeconds: 0, gateSeconds: 0, failed: []
    )]
    points[0].random = points[0].active
    say("round 0: active \(pct(points[0].active)) %")

    var truth: [String: String] = [:]
    var seen: [LabeledUtterance] = []
    var randomPicked: [LabeledUtterance] = []
    var randomPool: [LabeledUtterance] = []
    var labels = 0
    var turnLatencies: [Double] = []
    let perRound = (traffic.count + rounds - 1) / rounds
    for round in 1...rounds {
        let slice = traffic.dropFirst((round - 1) * perRound).prefix(perRound)
        for (index, example) in slice.enumerated() {
            let id = "r\(round)-\(index)"
            truth[id] = example.intent
            let started = ContinuousClock.now
            _ = try await engine.handle(IncomingMessage(conversationID: id, text: example.text))
            turnLatencies.append(seconds(since: started))
        }
        seen += slice
        randomPool += slice
        // The simulated agent labels everything the queue surfaces, with the true intent.
        var surfaced = 0
        var after: Int64 = 0
        while true {
            let page = try await engine.learning.reviewItems(limit: 500, afterID: after, by: agent)
            guard let last = page.items.last else { break }
            for item in page.items {
                guard let intent = truth[item.conversationID] else { continue }
                _ = try await engine.learning.labelReviewItem(id: item.id, intent: intent, by: agent)
                surfaced += 1
            }
            after = last.id
        }
        labels += surfaced
        let outcome = try await engine.learn(by: agent)
        var candidateAccuracy: Double?
        if let record = outcome.candidate {
            candidateAccuracy = accuracy(try NLUParser(model: try await bootstrap.models(store: engine.store).load(record.version)), on: test)
        }
        // Baseline: as many labels, on random turns of the traffic so far, trained the same way.
        randomPool.shuffle(using: &random)
        while randomPicked.count < labels, let next = randomPool.popLast() { randomPicked.append(next) }
        let randomLabels = randomPicked.enumerated().map { index, example in
            LabelledExample(label: StoredLabel(
                id: Int64(index), turnID: Int64(index), conversationID: "random-\(index)", seq: 1, source: .review, intent: example.intent,
                labelledBy: "bench", labelledAt: Date()
            ), text: example.text, subjectID: "bench")
        }
        let baselineSet = TrainingSet.build(bot: bot.trainingData, intents: bot.domain.intents, labels: randomLabels, settings: gate)
        let baseline = try Training.train(data: baselineSet.data, hyperParameters: bot.hyperParameters, logger: logger)
        let point = Point(
            round: round, turns: seen.count, labels: labels, surfaced: surfaced, active: accuracy(try NLUParser(model: engine.model), on: test),
            candidate: candidateAccuracy, random: accuracy(try NLUParser(model: baseline), on: test), gatePassed: outcome.report?.passed,
            trainSeconds: outcome.trainingSeconds, gateSeconds: outcome.gateSeconds, failed: outcome.report?.failedConditions ?? []
        )
        points.append(point)
        say(String(
            format: "round %d: %d turns, %d surfaced (%d labels in all); gate %@; active %@ %%, candidate %@ %%, random labels %@ %%; train %.1f s + gate %.1f s",
            round, seen.count, surfaced, labels, point.gatePassed.map { $0 ? "passed" : "failed (\(point.failed.joined(separator: ",")))" } ?? "-",
            pct(point.active), point.candidate.map(pct) ?? "-", point.random.map(pct) ?? "-", point.trainSeconds, point.gateSeconds
        ))
    }

    let swaps = try await SwapBench.run(engine: engine, bootstrap: bootstrap, test: test)
    let summary = Summary(
        fullAccuracy: fullAccuracy, points: points, turnP50: percentile(turnLatencies, 50), turnP99: percentile(turnLatencies, 99), swaps: swaps,
        command: CommandLine.arguments.joined(separator: " ")
    )
    try Report.write(summary, to: reportDirectory)
    for line in summary.lines() { say(line) }
    say("report: \(reportDirectory.path)")
}

do {
    try await run()
} catch {
    FileHandle.standardError.write(Data("learning-bench: \(error)\n".utf8))
    FileHandle.standardError.write(Data("(run it from the checkout, or give --data DIR with train.csv and test.csv)\n".utf8))
    exit(1)
}
