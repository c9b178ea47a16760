import Foundation
import ParleyAudit
import ParleyLearning
import ParleyNLU
import ParleyStore

/// What `parley learn` did.
public struct LearnOutcome: Sendable {
    /// The candidate's registry entry; nil when nothing new was trained.
    public var candidate: ModelVersionRecord?
    public var report: GateReport?
    public var promotion: PromotionOutcome?
    /// The candidate runs in shadow instead of serving.
    public var shadow: Bool
    /// The candidate's weights are the active model's: there was nothing new to learn.
    public var unchanged: Bool
    public var counts: [String: Int]
    public var trainingSeconds: Double
    public var gateSeconds: Double
}

extension LearningService {
    /// Trains a candidate on the bot's data and the labels (less the held-out
    /// split), judges it against the active model, and promotes it when it
    /// passes (or with `force`, audited as forced), or runs it in shadow mode
    /// with `shadow` (a passing candidate only, unless forced).
    public func learn(force: Bool = false, shadow: Bool = false, by principal: Principal) async throws(EngineError) -> LearnOutcome {
        let current = try await effectiveBot()
        let set = try await trainingSet(for: current.bot)
        try Self.requireExamples(set, intents: current.bot.domain.intents)
        let models = try repository()
        let state = try await self.state()
        guard let activeVersion = state?.activeVersion else {
            throw .conflict("there is no active model to judge a candidate against; run 'parley train' first")
        }
        let active = try models.load(activeVersion)
        let started = ContinuousClock.now
        let candidate = try trainer(set.data, current.bot.hyperParameters)
        let trainingSeconds = (ContinuousClock.now - started) / .seconds(1)
        if candidate.metadata.contentHash == active.metadata.contentHash {
            logger.info("nothing new to learn: the candidate is the active model", metadata: ["model.version": "\(activeVersion)"])
            return LearnOutcome(candidate: nil, report: nil, promotion: nil, shadow: false, unchanged: true, counts: set.counts, trainingSeconds: trainingSeconds, gateSeconds: 0)
        }
        try models.save(candidate, activate: false)
        var record = try await register(candidate, set: set, parent: activeVersion, status: .candidate, activation: nil, by: principal)
        let report = try await judge(candidate: candidate, against: active, bot: current.bot, set: set)
        try await storeGate(report, version: record.version, by: principal)
        record.gate = nil
        record.gatePassed = report.passed
        record.status = report.passed ? .candidate : .rejected
        var promotion: PromotionOutcome?
        var inShadow = false
        if shadow {
            if report.passed || force {
                _ = try await self.shadow(record.version, by: principal)
                inShadow = true
            }
        } else if report.passed || force {
            promotion = try await activate(record.version, kind: report.passed ? .promote : .force, previous: activeVersion, by: principal, details: [
                "forced": String(!report.passed), "gate": report.passed ? "passed" : "failed", "by": "learn",
            ], report: report)
            record.status = .active
        }
        return LearnOutcome(
            candidate: record, report: report, promotion: promotion, shadow: inShadow, unchanged: false, counts: set.counts,
            trainingSeconds: trainingSeconds, gateSeconds: report.seconds
        )
    }

    /// `parley train`: trains on the bot's data and the labels (less the
    /// held-out split, like every model) and registers the model; with
    /// `activate`, it serves at once without a gate (recorded as `train`).
    public func train(activate: Bool, useLabels: Bool = true, by principal: Principal) async throws(EngineError) -> (model: NLUModel, set: TrainingSet) {
        let current = try await effectiveBot()
        var set = try await trainingSet(for: current.bot)
        if !useLabels {
            set = TrainingSet.build(bot: current.bot.trainingData, intents: current.bot.domain.intents, labels: [], settings: settings.gate)
        }
        try Self.requireExamples(set, intents: current.bot.domain.intents)
        let model = try trainer(set.data, current.bot.hyperParameters)
        try repository().save(model, activate: false)
        let parent = try await state()?.activeVersion
        try await register(model, set: set, parent: parent, status: activate ? .active : .candidate, activation: activate ? (parent == nil ? .initial : .train) : nil, by: principal)
        return (model, set)
    }

    /// Saves and registers `model` as the first active model when there is none
    /// yet (an installation's first model, trained elsewhere); otherwise does nothing.
    public func installInitial(_ model: NLUModel, by principal: Principal) async throws(EngineError) {
        guard try await state()?.activeVersion == nil else { return }
        let bot = try await effectiveBot().bot
        let set = TrainingSet.build(bot: bot.trainingData, intents: bot.domain.intents, labels: [], settings: settings.gate)
        try repository().save(model, activate: false)
        try await register(model, set: set, parent: nil, status: .active, activation: .initial, by: principal)
    }

    /// The active model from the registry; files of an earlier Parley are adopted first.
    public func loadActiveModel() async throws(EngineError) -> NLUModel? {
        try await adoptUnregisteredFiles()
        guard let version = try await state()?.activeVersion else { return nil }
        return try repository().load(version)
    }

    /// Every intent of the domain needs examples to train on; the error names all that have none.
    static func requireExamples(_ set: TrainingSet, intents: [String]) throws(EngineError) {
        let counts = set.data.intentCounts
        let missing = intents.filter { counts[$0, default: 0] == 0 }
        guard missing.isEmpty else {
            throw .invalidInput("the domain has intents without training examples: \(missing.joined(separator: ", ")); label turns with them (a held-out text does not train) or remove them")
        }
    }

    func judge(candidate: NLUModel, against active: NLUModel, bot: Bot, set: TrainingSet? = nil) async throws(EngineError) -> GateReport {
        let trainingSet: TrainingSet
        if let set { trainingSet = set } else { trainingSet = try await self.trainingSet(for: bot) }
        let activeParser = try makeParser(active)
        let candidateParser = try makeParser(candidate)
        let now = clock()
        return Gate.evaluate(
            active: GatedModel(version: active.metadata.version) { activeParser.parse($0, referenceDate: now).ranking },
            candidate: GatedModel(version: candidate.metadata.version) { candidateParser.parse($0, referenceDate: now).ranking },
            trainingSet: trainingSet, conversations: conversationTests, fallbackThreshold: bot.dialogueSettings.fallbackThreshold,
            settings: settings.gate, now: now
        )
    }

    func storeGate(_ report: GateReport, version: String, by principal: Principal) async throws(EngineError) {
        let json = (try? JSONEncoder.sortedKeys().encode(report)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        let event = principal.event("model.gate", target: Self.target(model: version), outcome: report.passed ? .success : .denied, details: [
            "against": report.active, "passed": String(report.passed), "failed": report.failedConditions.joined(separator: ",").isEmpty ? "none" : report.failedConditions.joined(separator: ","),
        ])
        do { try await store.recordGate(version: version, report: json, passed: report.passed, audit: audit.appends([event])) } catch { throw Self.map(error) }
        logger.info("gate judged a candidate", metadata: [
            "model.version": "\(version)", "gate.passed": "\(report.passed)", "gate.failed": "\(report.failedConditions.joined(separator: ","))",
        ])
    }
}
